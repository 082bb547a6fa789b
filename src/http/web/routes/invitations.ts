import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isAppError } from '../../../contracts/errors.ts';
import { acceptInvitationAndSignIn } from '../../../usecases/auth/invitation-sign-in.ts';
import { findOpenInvitation } from '../../../usecases/auth/invitations.ts';
import type { AppContext } from '../../../usecases/context.ts';
import { MFA_PATH } from '../../auth/guards.ts';
import { setSessionCookie } from '../../auth/session-plugin.ts';
import { type FormErrors, noErrors, renderPage } from '../kit/index.ts';
import { NewPasswordForm } from './new-password-form.ts';

const TokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });
const view = (name: string) => `../invitations/${name}`;

/** The page an invitation email links to: choose a password, then you are signed in. */
export const registerInvitationRoutes = async (app: FastifyInstance, context: AppContext) => {
  /** The password form for an open invitation, or the "link does not work" page. */
  const renderAccept = async (request: FastifyRequest, reply: FastifyReply, token: string | undefined, errors: FormErrors = noErrors()) => {
    const invitation = token ? await findOpenInvitation(request.deps, token) : undefined;
    if (!token || !invitation) return renderPage(request, reply, view('invalid'), {}, 404);
    const status = errors.errorList.length > 0 ? 400 : 200;
    return renderPage(request, reply, view('accept'), { email: invitation.email, action: `/invitations/${token}`, ...errors }, status);
  };
  const tokenOf = (request: FastifyRequest) => TokenParams.safeParse(request.params).data?.token;

  app.get('/invitations/:token', (request, reply) => renderAccept(request, reply, tokenOf(request)));

  app.post('/invitations/:token', async (request, reply) => {
    const token = tokenOf(request);
    const form = NewPasswordForm.parse(request.body);
    if (!token || !form.ok) return renderAccept(request, reply, token, form.ok ? noErrors() : form.errors);
    try {
      const signedIn = await acceptInvitationAndSignIn(request.deps, {
        token,
        password: form.values.password,
        clientAddress: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      setSessionCookie(reply, request, context, signedIn.token);
      return reply.redirect(signedIn.mfa === 'enrol' ? `${MFA_PATH}/set-up` : '/', 303);
    } catch (error) {
      if (isAppError(error) && error.code === 'validation') return renderAccept(request, reply, token, NewPasswordForm.errorsOf(error));
      if (isAppError(error) && error.code === 'not_found') return renderPage(request, reply, view('invalid'), {}, 404);
      throw error;
    }
  });
};
