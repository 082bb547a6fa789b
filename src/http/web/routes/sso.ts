import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { publicBaseUrl } from '../../../usecases/auth/password-reset.ts';
import { signInThrottledMessage } from '../../../usecases/auth/sign-in.ts';
import { completeSsoSignIn, type SsoRefusal, ssoPendingMinutes } from '../../../usecases/auth/sso.ts';
import { startSsoSignIn } from '../../../usecases/auth/sso-start.ts';
import type { AppContext } from '../../../usecases/context.ts';
import { SIGNED_IN_HOME } from '../../auth/guards.ts';
import { setSessionCookie } from '../../auth/session-plugin.ts';
import { type FormErrors, formErrorsOf, noErrors, postedText, renderPage } from '../kit/index.ts';
import { emailForm } from './email-form.ts';
import { registerSignOnSettingsRoutes } from './sso-settings.ts';

/** The short-lived cookie that carries the pending sign-in (state, nonce, PKCE verifier), sealed with AES-GCM. */
export const SSO_COOKIE = 'pathways_sso';
export const SSO_PATH = '/sign-in/sso';

const EmailForm = emailForm('Enter your work email address');

/** What each refusal tells the person, in plain words. */
export const refusalText: Record<SsoRefusal, { title: string; body: string }> = {
  'wrong-domain': {
    title: "Your email's domain is not one your trust allows",
    body: 'Sign in with your work account at your school or trust. If that is what you did, ask your trust administrator to add your email domain.',
  },
  'unverified-email': {
    title: 'Your identity provider did not confirm your email address',
    body: 'Pathways links your school account only to a confirmed email address. Ask your IT administrator to confirm it, or sign in with your password.',
  },
  'no-invitation': {
    title: 'You have not been invited yet',
    body: 'Ask your school administrator to invite you to Pathways with this email address, then sign in again.',
  },
  disabled: { title: 'Your account has been disabled', body: 'Ask your school administrator if you think this is a mistake.' },
  'no-email': {
    title: 'Your identity provider did not share your email address',
    body: 'Ask your IT administrator to allow Pathways to read your email address.',
  },
  state: {
    title: 'This sign-in could not be checked',
    body: `The answer from your identity provider did not match the sign-in Pathways started, or took more than ${ssoPendingMinutes} minutes. Start again.`,
  },
  provider: {
    title: "Your identity provider's answer could not be checked",
    body: 'Try again. If it keeps happening, ask your trust administrator to check the single sign-on settings.',
  },
};

/** Single sign-on with the trust's identity provider (OpenID Connect, authorization code flow with PKCE). */
export const registerSsoRoutes = async (app: FastifyInstance, context: AppContext) => {
  const cookieOptions = (request: FastifyRequest) =>
    ({
      path: SSO_PATH,
      httpOnly: true,
      sameSite: 'lax',
      secure: context.config.production || request.protocol === 'https',
      maxAge: ssoPendingMinutes * 60,
    }) as const;
  const base = () => publicBaseUrl(context.config);
  const view = (name: string) => `../sso/${name}`;
  const renderStart = (
    request: FastifyRequest,
    reply: FastifyReply,
    email = '',
    errors: FormErrors = noErrors(),
    status = errors.errorList.length > 0 ? 400 : 200,
  ) => renderPage(request, reply, view('start'), { email, ...errors }, status);
  /** A throttled address is told how long to wait, in words and in Retry-After. */
  const waitHeader = (reply: FastifyReply, retryAfterSeconds: number) => reply.header('retry-after', String(retryAfterSeconds));

  app.get(SSO_PATH, (request, reply) => renderStart(request, reply));

  app.post(SSO_PATH, async (request, reply) => {
    const form = EmailForm.parse(request.body);
    const email = postedText(form.posted, 'email').trim();
    if (!form.ok) return renderStart(request, reply, email, form.errors);
    const started = await startSsoSignIn(request.deps, {
      email: form.values.email,
      redirectUri: `${base()}${SSO_PATH}/callback`,
      clientAddress: request.ip,
    });
    if (started.outcome === 'throttled') {
      waitHeader(reply, started.retryAfterSeconds);
      const text = signInThrottledMessage(started.retryAfterSeconds);
      return renderStart(request, reply, email, formErrorsOf([{ field: 'email', text }]), 429);
    }
    if (started.outcome === 'not-set-up') {
      const text = 'Single sign-on is not set up for this email address. Sign in with your password, or ask your school administrator';
      return renderStart(request, reply, email, formErrorsOf([{ field: 'email', text }]));
    }
    reply.setCookie(SSO_COOKIE, started.pendingCookie, cookieOptions(request));
    // A link, not a redirect: the strict CSP (form-action 'self') rightly stops a form from redirecting to another site.
    return renderPage(request, reply, view('continue'), {
      authorizationUrl: started.authorizationUrl,
      issuer: new URL(started.authorizationUrl).host,
    });
  });

  app.get(`${SSO_PATH}/callback`, async (request, reply) => {
    const pendingCookie = request.cookies[SSO_COOKIE];
    reply.clearCookie(SSO_COOKIE, cookieOptions(request));
    const outcome = await completeSsoSignIn(request.deps, {
      pendingCookie,
      callbackUrl: new URL(request.url, `${base()}/`),
      clientAddress: request.ip,
      userAgent: request.headers['user-agent'] ?? null,
    });
    if (outcome.outcome === 'throttled') {
      waitHeader(reply, outcome.retryAfterSeconds);
      const refusal = { title: 'Too many failed attempts to sign in', body: `${signInThrottledMessage(outcome.retryAfterSeconds)}.` };
      return renderPage(request, reply, view('refused'), { refusal, reason: 'throttled' }, 429);
    }
    if (outcome.outcome === 'refused')
      return renderPage(
        request,
        reply,
        view('refused'),
        { refusal: refusalText[outcome.reason], reason: outcome.reason },
        outcome.reason === 'state' ? 400 : 403,
      );
    setSessionCookie(reply, request, context, outcome.token);
    return reply.redirect(SIGNED_IN_HOME, 303);
  });
  registerSignOnSettingsRoutes(app);
};
