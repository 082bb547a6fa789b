import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isAppError } from '../../../contracts/errors.ts';
import { readSignOnConfig, SignOnConfigInput, type SsoDeps, saveSignOnConfig } from '../../../usecases/auth/sso.ts';
import type { AppContext } from '../../../usecases/context.ts';
import { requireUser } from '../../auth/guards.ts';
import { renderNotFound } from '../errors.ts';
import { renderPage } from '../views.ts';

const IdParams = z.object({ id: z.uuid() });
const RawForm = z.object({
  issuer: z.string().max(1000).default(''),
  clientId: z.string().max(1000).default(''),
  clientSecret: z.string().max(1000).default(''),
  allowedEmailDomains: z.string().max(5000).default(''),
  ownTenants: z.string().max(5000).default(''),
  enabled: z.string().optional(),
});

const listOf = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** The trust admin's single sign-on settings page: /organisations/:id/sign-on. */
export const registerSignOnSettingsRoutes = async (app: FastifyInstance, context: AppContext) => {
  await app.register(async (scope) => {
    if (!scope.hasContentTypeParser('application/x-www-form-urlencoded')) await scope.register(formbody);
    const deps = (request: FastifyRequest): SsoDeps => ({
      db: context.database.kysely,
      keys: context.keys,
      clock: context.clock,
      production: context.config.production,
      requestId: request.id,
    });
    const view = '../sso/settings';

    const refusal = (request: FastifyRequest, reply: FastifyReply, error: unknown) => {
      if (isAppError(error) && error.code === 'not_found') return renderNotFound(request, reply);
      if (isAppError(error) && error.code === 'forbidden') return renderPage(request, reply, '../sso/forbidden', {}, 403);
      throw error;
    };

    scope.get('/organisations/:id/sign-on', async (request, reply) => {
      const actor = requireUser(request, reply);
      if (!actor) return reply;
      const params = IdParams.safeParse(request.params);
      if (!params.success) return renderNotFound(request, reply);
      try {
        const { organisation, config } = await readSignOnConfig(deps(request), actor, params.data.id);
        return renderPage(request, reply, view, {
          organisation,
          saved: (request.query as Record<string, unknown>)?.saved === '1',
          form: config
            ? {
                issuer: config.issuer,
                clientId: config.clientId,
                allowedEmailDomains: config.allowedEmailDomains.join('\n'),
                ownTenants: config.ownTenants.join('\n'),
                enabled: config.enabled,
              }
            : { enabled: true },
          hasSecret: config?.hasSecret ?? false,
        });
      } catch (error) {
        return refusal(request, reply, error);
      }
    });

    scope.post('/organisations/:id/sign-on', async (request, reply) => {
      const actor = requireUser(request, reply);
      if (!actor) return reply;
      const params = IdParams.safeParse(request.params);
      if (!params.success) return renderNotFound(request, reply);
      const raw = RawForm.parse(request.body ?? {});
      const parsed = SignOnConfigInput.safeParse({
        issuer: raw.issuer.trim(),
        clientId: raw.clientId,
        clientSecret: raw.clientSecret,
        allowedEmailDomains: listOf(raw.allowedEmailDomains),
        ownTenants: listOf(raw.ownTenants),
        enabled: raw.enabled === 'yes',
      });
      const form = { ...raw, enabled: raw.enabled === 'yes' };
      try {
        if (!parsed.success) {
          const { organisation, config } = await readSignOnConfig(deps(request), actor, params.data.id);
          const errors = parsed.error.issues.map((issue) => ({ text: issue.message, href: `#${String(issue.path[0] ?? 'issuer')}` }));
          return renderPage(request, reply, view, { organisation, form, errors, hasSecret: config?.hasSecret ?? false }, 400);
        }
        await saveSignOnConfig(deps(request), actor, params.data.id, parsed.data);
        return reply.redirect(`/organisations/${params.data.id}/sign-on?saved=1`, 303);
      } catch (error) {
        if (isAppError(error) && error.code === 'validation') {
          const { organisation, config } = await readSignOnConfig(deps(request), actor, params.data.id);
          const errors = error.details.map((d) => ({ text: d.reason, href: `#${d.where}` }));
          return renderPage(request, reply, view, { organisation, form, errors, hasSecret: config?.hasSecret ?? false }, 400);
        }
        return refusal(request, reply, error);
      }
    });
  });
};
