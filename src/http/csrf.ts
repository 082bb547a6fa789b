import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../contracts/errors.ts';
import { SESSION_COOKIE } from './auth/session-plugin.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The header API clients and page scripts send to say the request was made on purpose. */
export const CSRF_HEADER = 'x-pathways-request';

/** Where a state-changing request says it came from: this origin, another site, or nothing said. */
type Provenance = 'same-origin' | 'cross-site' | 'unstated';

const originHost = (origin: string) => {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
};

/**
 * Sec-Fetch-Site when the browser sends it; else the Origin header compared with the Host header (or
 * the configured public address, when a proxy rewrites Host); else nothing is known.
 */
const provenanceOf = (request: FastifyRequest, publicUrl: () => string | undefined): Provenance => {
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite) return fetchSite === 'same-origin' || fetchSite === 'none' ? 'same-origin' : 'cross-site';
  const origin = request.headers.origin;
  if (!origin) return 'unstated';
  const host = originHost(origin);
  const own = publicUrl();
  const sameOrigin = host !== undefined && (host === request.headers.host || (own !== undefined && originHost(own) === host));
  return sameOrigin ? 'same-origin' : 'cross-site';
};

/**
 * Refuses cross-site state-changing requests. A browser that says the request came from another site
 * (Sec-Fetch-Site, else an Origin that is not ours) is refused with or without the session cookie, so
 * a forged form cannot sign a victim in to an attacker's account (login CSRF), ask for resets or
 * accept invitations. A request carrying the cookie must also show where it came from or carry the
 * custom header, which a cross-site form cannot set. API clients that send neither header nor cookie
 * are not browsers being forged, and keep working.
 */
export const setUpCsrf = (app: FastifyInstance, publicUrl: () => string | undefined = () => undefined) => {
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    if (request.headers[CSRF_HEADER]) return;
    const provenance = provenanceOf(request, publicUrl);
    if (provenance === 'same-origin') return;
    if (provenance === 'unstated' && !request.cookies[SESSION_COOKIE]) return;
    throw new AppError('forbidden', 'This request came from another site and was refused (cross-site request forgery protection)');
  });
};
