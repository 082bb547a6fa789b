import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { readSignOnConfig, SignOnConfigInput, saveSignOnConfig } from '../../../usecases/auth/sso.ts';
import { defineForm, noErrors, paramsOf, postedText, renderForm, renderPage, signedInPage, submitForm } from '../kit/index.ts';

const IdParams = z.object({ id: z.uuid() });

/** Domains and tenants are typed one a line (commas and spaces also separate them). */
const listOf = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);

const typedList = (max: number) => z.string().max(max).default('').transform(listOf);

/** The settings form: the page's text fields read into the sign-on contract (its messages are the form's). */
const SignOnForm = defineForm(
  z.object({
    issuer: z
      .string()
      .max(1000)
      .default('')
      .transform((s) => s.trim())
      .pipe(SignOnConfigInput.shape.issuer),
    clientId: z.string().max(1000).default('').pipe(SignOnConfigInput.shape.clientId),
    clientSecret: z.string().max(1000).default(''),
    allowedEmailDomains: typedList(5000).pipe(SignOnConfigInput.shape.allowedEmailDomains),
    ownTenants: typedList(5000).pipe(SignOnConfigInput.shape.ownTenants.unwrap()),
    enabled: z
      .string()
      .optional()
      .transform((v) => v === 'yes'),
  }),
);

const view = '../sso/settings';

/** The trust admin's single sign-on settings page: /organisations/:id/sign-on. */
export const registerSignOnSettingsRoutes = (app: FastifyInstance) => {
  const options = { forbiddenView: '../sso/forbidden' };

  app.get(
    '/organisations/:id/sign-on',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id } = paramsOf(IdParams, request);
      const { organisation, config } = await readSignOnConfig(deps, actor, id);
      return renderPage(request, reply, view, {
        organisation,
        // Switched on only once a provider is set up: an empty form does not offer to switch on nothing.
        form: config
          ? {
              issuer: config.issuer,
              clientId: config.clientId,
              allowedEmailDomains: config.allowedEmailDomains.join('\n'),
              ownTenants: config.ownTenants.join('\n'),
              enabled: config.enabled,
            }
          : { enabled: false },
        hasSecret: config?.hasSecret ?? false,
        ...noErrors(),
      });
    }, options),
  );

  app.post(
    '/organisations/:id/sign-on',
    signedInPage(async (page) => {
      const { id } = paramsOf(IdParams, page.request);
      return submitForm(SignOnForm, page.request.body, {
        save: (values) => saveSignOnConfig(page.deps, page.actor, id, values),
        again: async (errors, posted) => {
          const { organisation, config } = await readSignOnConfig(page.deps, page.actor, id);
          const typed = Object.fromEntries(
            ['issuer', 'clientId', 'allowedEmailDomains', 'ownTenants'].map((f) => [f, postedText(posted, f)]),
          );
          const form = { ...typed, enabled: posted.enabled === 'yes' };
          return renderForm(page, view, { organisation, form, hasSecret: config?.hasSecret ?? false }, errors);
        },
        done: () => page.reply.redirectWithFlash(`/organisations/${id}/sign-on`, 'Single sign-on settings saved'),
      });
    }, options),
  );
};
