import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { z } from 'zod';
import { isAppError } from '../../../contracts/errors.ts';
import { beginMfaEnrolment, confirmMfaEnrolment, hasMfaEnrolled, verifyMfa } from '../../../usecases/auth/mfa.ts';
import { MFA_PATH, nextOf, nextQuery, requirePendingSession } from '../../auth/guards.ts';
import { setRetryAfter } from '../../retry-after.ts';
import { postedOf, renderPage } from '../kit/index.ts';

const CodeForm = z.object({ code: z.string().max(40).catch('') });

const codeOf = (request: FastifyRequest) => CodeForm.parse(postedOf(request.body)).code.trim();

/** The second step of sign-in: set up an authenticator app (QR code, then recovery codes) or enter a code. */
export const registerMfaRoutes = (app: FastifyInstance) => {
  const renderEnrolment = async (request: FastifyRequest, reply: FastifyReply, error?: string, status = error ? 400 : 200) => {
    const session = requirePendingSession(request, reply);
    if (!session) return reply;
    const enrolment = await beginMfaEnrolment(request.deps, session);
    const qrCode = await QRCode.toDataURL(enrolment.uri, { errorCorrectionLevel: 'M', margin: 2, width: 220 });
    const secretGroups = enrolment.secret.match(/.{1,4}/g)?.join(' ') ?? enrolment.secret;
    return renderPage(
      request,
      reply,
      '../auth/mfa-set-up',
      { qrCode, secret: secretGroups, error, action: nextQuery(`${MFA_PATH}/set-up`, nextOf(request)) },
      status,
    );
  };

  app.get(`${MFA_PATH}/set-up`, (request, reply) => renderEnrolment(request, reply));

  app.post(`${MFA_PATH}/set-up`, async (request, reply) => {
    const session = requirePendingSession(request, reply);
    if (!session) return reply;
    const code = codeOf(request);
    if (!code) return renderEnrolment(request, reply, 'Enter the 6-digit code your authenticator app shows');
    try {
      const { recoveryCodes } = await confirmMfaEnrolment(request.deps, session, code);
      // Shown once, on this response only: they are stored hashed.
      return renderPage(request, reply, '../auth/recovery-codes', { recoveryCodes, next: nextOf(request) });
    } catch (error) {
      if (isAppError(error) && error.code === 'validation') return renderEnrolment(request, reply, error.message);
      if (isAppError(error) && error.code === 'rate_limited') {
        setRetryAfter(reply, error);
        return renderEnrolment(request, reply, error.message, 429);
      }
      throw error;
    }
  });

  const renderChallenge = (request: FastifyRequest, reply: FastifyReply, error?: string, status = error ? 400 : 200) =>
    renderPage(request, reply, '../auth/mfa-challenge', { error, action: nextQuery(MFA_PATH, nextOf(request)) }, status);

  app.get(MFA_PATH, async (request, reply) => {
    const session = requirePendingSession(request, reply);
    if (!session) return reply;
    // A session that still needs a second factor but has none set up goes to set one up.
    if (!(await hasMfaEnrolled(request.deps, session))) return reply.redirect(nextQuery(`${MFA_PATH}/set-up`, nextOf(request)), 303);
    return renderChallenge(request, reply);
  });

  app.post(MFA_PATH, async (request, reply) => {
    const session = requirePendingSession(request, reply);
    if (!session) return reply;
    const code = codeOf(request);
    if (!code) return renderChallenge(request, reply, 'Enter the 6-digit code from your authenticator app, or a recovery code');
    try {
      await verifyMfa(request.deps, session, code);
      return reply.redirect(nextOf(request), 303);
    } catch (error) {
      if (isAppError(error) && error.code === 'validation') return renderChallenge(request, reply, error.message);
      if (isAppError(error) && error.code === 'rate_limited') {
        setRetryAfter(reply, error);
        return renderChallenge(request, reply, error.message, 429);
      }
      throw error;
    }
  });
};
