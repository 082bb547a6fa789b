import cookie from '@fastify/cookie';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { testKeys } from '../../../testing/context.ts';
import type { AppContext } from '../../../usecases/context.ts';
import { FLASH_COOKIE, flashSealer, setUpFlash } from './flash.ts';

const context = { keys: testKeys, config: { production: false } } as unknown as AppContext;

/** A tiny app: a save that redirects with a message, and a page that shows `reply.locals.flash` escaped as the layout does. */
const appWithFlash = async () => {
  const app = Fastify();
  await app.register(cookie);
  setUpFlash(app, context);
  app.post('/save', (_request, reply) => reply.redirectWithFlash('/page', 'Saved <b>your</b> answers'));
  app.get('/page', (_request, reply) => {
    const flash = (reply as unknown as { locals?: { flash?: { text: string } } }).locals?.flash;
    return reply.type('text/html').send(flash ? `<p>${flash.text.replaceAll('<', '&lt;')}</p>` : '<p>nothing</p>');
  });
  return app;
};

const flashCookieOf = (response: { cookies: { name: string; value: string }[] }) => response.cookies.find((c) => c.name === FLASH_COOKIE);

describe('the success banner after a save', () => {
  it('is shown once on the page the save redirects to, then cleared', async () => {
    const app = await appWithFlash();
    const saved = await app.inject({ method: 'POST', url: '/save' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/page');
    const sealed = flashCookieOf(saved)?.value ?? '';
    const shown = await app.inject({ method: 'GET', url: '/page', cookies: { [FLASH_COOKIE]: sealed } });
    expect(shown.body).toBe('<p>Saved &lt;b>your&lt;/b> answers</p>');
    expect(flashCookieOf(shown)?.value).toBe('');
  });

  it('shows nothing for a message nobody signed, so no one else can put words (or HTML) on the page', async () => {
    const app = await appWithFlash();
    const forged = `${Buffer.from('<script>alert(1)</script>').toString('base64url')}.bad-signature`;
    const shown = await app.inject({ method: 'GET', url: '/page', cookies: { [FLASH_COOKIE]: forged } });
    expect(shown.body).toBe('<p>nothing</p>');
    const otherKey = flashSealer(new Uint8Array(32).fill(1)).seal('Your account is closed');
    expect((await app.inject({ method: 'GET', url: '/page', cookies: { [FLASH_COOKIE]: otherKey } })).body).toBe('<p>nothing</p>');
  });

  it('keeps a long message to one banner sentence', () => {
    const sealer = flashSealer(new Uint8Array(32));
    expect(sealer.open(sealer.seal('a'.repeat(1000)))).toHaveLength(300);
    expect(sealer.open(undefined)).toBeUndefined();
  });
});
