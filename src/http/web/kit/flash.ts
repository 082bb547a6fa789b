import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../usecases/context.ts';

/**
 * The success banner after a save (POST, redirect, GET): the message rides in a short-lived cookie
 * signed with a key from the master secret, is shown once on the next page as a GOV.UK notification
 * banner (success), and is cleared when that page is sent. The layout prints it as text (autoescaped),
 * and the signature means nobody else can put words in it.
 */
export const FLASH_COOKIE = 'pathways_flash';

/** The longest message kept (a banner is one sentence). */
const MAX_LENGTH = 300;

export type Flash = { text: string };

declare module 'fastify' {
  interface FastifyReply {
    /** Redirects after a save, with `message` shown once on the page it lands on (src/http/web/kit/flash.ts). */
    redirectWithFlash(to: string, message: string): FastifyReply;
  }
}

const cookieOptions = (secure: boolean) => ({ path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: 120 }) as const;

/** The signed cookie value of a message, and the message of a cookie value (undefined when forged or spoilt). */
export const flashSealer = (key: Uint8Array) => {
  const sign = (text: string) => createHmac('sha256', key).update(`flash\n${text}`).digest('base64url');
  return {
    seal: (message: string): string => {
      const text = message.slice(0, MAX_LENGTH);
      return `${Buffer.from(text, 'utf8').toString('base64url')}.${sign(text)}`;
    },
    open: (value: string | undefined): string | undefined => {
      const [encoded, signature] = (value ?? '').split('.');
      if (!encoded || !signature) return undefined;
      const text = Buffer.from(encoded, 'base64url').toString('utf8');
      const expected = Buffer.from(sign(text));
      const given = Buffer.from(signature);
      return given.length === expected.length && timingSafeEqual(given, expected) ? text : undefined;
    },
  };
};

/** A key for flash messages only, derived from the encryption key (so it is never the audit key or a stored secret). */
const flashKeyOf = (context: AppContext) => createHmac('sha256', context.keys.encryptionKey).update('pathways flash messages').digest();

const secureOf = (context: AppContext, request: FastifyRequest) => context.config.production || request.protocol === 'https';

/** Reads the one-shot message into the layout's `flash`, clears it once a page has shown it, and adds `reply.redirectWithFlash`. */
export const setUpFlash = (app: FastifyInstance, context: AppContext) => {
  const sealer = flashSealer(flashKeyOf(context));
  const shown = new WeakSet<FastifyRequest>();

  app.decorateReply('redirectWithFlash', function (this: FastifyReply, to: string, message: string) {
    this.setCookie(FLASH_COOKIE, sealer.seal(message), cookieOptions(secureOf(context, this.request)));
    return this.redirect(to, 303);
  });

  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'GET') return;
    const raw = request.cookies[FLASH_COOKIE];
    if (raw === undefined) return;
    const text = sealer.open(raw);
    shown.add(request);
    if (text) reply.locals = { ...reply.locals, flash: { text } satisfies Flash };
  });

  app.addHook('onSend', async (request, reply, payload) => {
    // Cleared by the page that showed it; a redirect on the way (to sign in, say) passes it along.
    if (shown.has(request) && reply.statusCode < 300) reply.clearCookie(FLASH_COOKIE, cookieOptions(secureOf(context, request)));
    return payload;
  });
};
