import type { FastifyInstance } from 'fastify';
import { AppError } from '../contracts/errors.ts';
import { SESSION_COOKIE } from './auth/session-plugin.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The header API clients and page scripts send to say the request was made on purpose. */
export const CSRF_HEADER = 'x-pathways-request';

const sameOrigin = (origin: string, host: string | undefined) => {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
};

/**
 * Refuses cross-site state-changing requests that carry the session cookie: they must come from this
 * origin (Sec-Fetch-Site, else Origin) or carry the custom header, which a cross-site form cannot set.
 * Requests without the cookie carry no ambient authority, so they cannot be forged this way.
 */
export const setUpCsrf = (app: FastifyInstance) => {
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method) || !request.cookies[SESSION_COOKIE]) return;
    if (request.headers[CSRF_HEADER]) return;
    const fetchSite = request.headers['sec-fetch-site'];
    if (fetchSite === 'same-origin' || fetchSite === 'none') return;
    const origin = request.headers.origin;
    if (!fetchSite && origin && sameOrigin(origin, request.headers.host)) return;
    throw new AppError('forbidden', 'This request came from another site and was refused (cross-site request forgery protection)');
  });
};
