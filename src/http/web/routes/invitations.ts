import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isAppError } from '../../../contracts/errors.ts';
import { accountMailDeps } from '../../../usecases/auth/account-mail-deps.ts';
import { acceptInvitation, findOpenInvitation } from '../../../usecases/auth/invitations.ts';
import { startSession } from '../../../usecases/auth/sessions.ts';
import type { AppContext } from '../../../usecases/context.ts';
import { MFA_PATH } from '../../auth/guards.ts';
import { setSessionCookie } from '../../auth/session-plugin.ts';
import { renderPage } from '../views.ts';

const PasswordForm = z.object({ password: z.string().max(1024).default(''), confirm: z.string().max(1024).default('') });
const TokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });

/** The page an invitation email links to: choose a password, then you are signed in. */
export const registerInvitationRoutes = async (app: FastifyInstance, context: AppContext) => {
  await app.register(async (scope) => {
    if (!scope.hasContentTypeParser('application/x-www-form-urlencoded')) await scope.register(formbody);
    const deps = (request: FastifyRequest) => accountMailDeps(context, request);
    const view = (name: string) => `../invitations/${name}`;

    scope.get('/invitations/:token', async (request, reply) => {
      const params = TokenParams.safeParse(request.params);
      const invitation = params.success ? await findOpenInvitation(deps(request), params.data.token) : undefined;
      if (!params.success || !invitation) return renderPage(request, reply, view('invalid'), {}, 404);
      return renderPage(request, reply, view('accept'), { email: invitation.email, action: `/invitations/${params.data.token}` });
    });

    scope.post('/invitations/:token', async (request, reply) => {
      const params = TokenParams.safeParse(request.params);
      const invitation = params.success ? await findOpenInvitation(deps(request), params.data.token) : undefined;
      if (!params.success || !invitation) return renderPage(request, reply, view('invalid'), {}, 404);
      const action = `/invitations/${params.data.token}`;
      const form = PasswordForm.safeParse(request.body ?? {});
      const password = form.success ? form.data.password : '';
      if (!form.success || password !== form.data.confirm)
        return renderPage(request, reply, view('accept'), { email: invitation.email, action, error: 'The passwords do not match' }, 400);
      try {
        const accepted = await acceptInvitation(deps(request), { token: params.data.token, password });
        const { token } = await startSession(
          context.database.kysely,
          {
            userId: accepted.userId,
            trustId: accepted.trustId,
            mfaVerified: accepted.mfa === 'none',
            clientAddress: request.ip,
            userAgent: request.headers['user-agent'] ?? null,
          },
          context.clock(),
        );
        setSessionCookie(reply, request, context, token);
        return reply.redirect(accepted.mfa === 'enrol' ? `${MFA_PATH}/set-up` : '/', 303);
      } catch (error) {
        if (isAppError(error) && error.code === 'validation')
          return renderPage(
            request,
            reply,
            view('accept'),
            { email: invitation.email, action, error: error.details[0]?.reason ?? error.message },
            400,
          );
        if (isAppError(error) && error.code === 'not_found') return renderPage(request, reply, view('invalid'), {}, 404);
        throw error;
      }
    });
  });
};
