import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../../domain/policy/actor.ts';
import { signedInPage as kitSignedInPage } from '../kit/page.ts';

/**
 * The kit's signed-in page wrapper (../kit/page.ts) in the older (request, reply, actor) form, for the
 * portfolio pages until they move onto the kit; new pages use `signedInPage` from ../kit/index.ts.
 */
export const signedInPage = (handler: (request: FastifyRequest, reply: FastifyReply, actor: Actor) => Promise<unknown>) =>
  kitSignedInPage(({ request, reply, actor }) => handler(request, reply, actor));
