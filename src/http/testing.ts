import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Tables } from '../store/tables.ts';
import { startSession } from '../usecases/auth/sessions.ts';
import { SESSION_COOKIE } from './auth/session-plugin.ts';

/** The Cookie header of a signed-in session (second factor done) for a user, for tests that drive the server. */
export const sessionCookie = async (db: Kysely<Tables>, userId: string, trustId: string, now: Date = new Date()): Promise<string> => {
  const { token } = await startSession(db, { userId, trustId, mfaVerified: true, clientAddress: null, userAgent: null }, now);
  return `${SESSION_COOKIE}=${token}`;
};

/** A form post as a browser on this site sends it (urlencoded, same-origin). */
export const postForm = (app: FastifyInstance, url: string, body: string, cookie: string) =>
  app.inject({
    method: 'POST',
    url,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
    payload: body,
  });

/** An API call as the web app's scripts make it: the session cookie, the anti-forgery header, and a JSON body if any. */
export const apiRequest = (app: FastifyInstance, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, cookie: string, body?: unknown) =>
  app.inject({
    method,
    url,
    headers: { cookie, 'x-pathways-request': '1', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
