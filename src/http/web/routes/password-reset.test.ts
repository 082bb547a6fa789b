import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../../../store/testing.ts';
import { buildTestContext } from '../../../testing/context.ts';
import { seedTrust } from '../../../testing/mail.ts';
import type { AppContext } from '../../../usecases/context.ts';
import { buildServer } from '../../server.ts';

describe.each(testDatabaseKinds())('password reset links on %s', (kind) => {
  let database: TestDatabase | undefined;
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    await database?.close();
    app = undefined;
    database = undefined;
  });

  const setUp = async (config: Partial<AppContext['config']>) => {
    database = await openTestDatabase(kind);
    const base = await buildTestContext(database);
    const context = { ...base, config: { ...base.config, ...config } };
    app = await buildServer(context, { logLevel: 'silent' });
    await seedTrust(database.kysely, null);
    return { db: database.kysely, server: app };
  };

  const askForReset = (server: FastifyInstance, host: string) =>
    server.inject({
      method: 'POST',
      url: '/password-reset',
      payload: 'email=alex%40oak.example',
      headers: { host, 'content-type': 'application/x-www-form-urlencoded' },
    });

  it('builds the emailed link from the configured public address, whatever Host header the request carries', async () => {
    const { db, server } = await setUp({ publicUrl: 'https://pathways.trust.example', production: true });
    const response = await askForReset(server, 'evil.example');
    expect(response.statusCode).toBe(200);
    const message = await db.selectFrom('outbox_messages').select(['recipient', 'body_text']).executeTakeFirstOrThrow();
    expect(message.recipient).toBe('alex@oak.example');
    expect(message.body_text).toMatch(/^https:\/\/pathways\.trust\.example\/password-reset\/[A-Za-z0-9_-]{43}$/m);
    expect(message.body_text).not.toContain('evil.example');
  });

  it('never uses the Host header, even when no public address is configured outside production', async () => {
    const { db, server } = await setUp({ production: false });
    expect((await askForReset(server, 'evil.example:8443')).statusCode).toBe(200);
    const message = await db.selectFrom('outbox_messages').select('body_text').executeTakeFirstOrThrow();
    expect(message.body_text).toMatch(/^http:\/\/localhost:3000\/password-reset\//m);
    expect(message.body_text).not.toContain('evil.example');
  });
});
