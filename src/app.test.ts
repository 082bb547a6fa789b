import { cp, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startApp } from './app.ts';
import { readConfig } from './contracts/config.ts';
import { AppError } from './contracts/errors.ts';
import { demoLogins } from './demo/demo.ts';
import { pgliteTemplate } from './store/testing.ts';
import { cheapPasswordCost } from './usecases/auth/passwords.ts';

const dirs: string[] = [];
const freshDataDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'pathways-app-'));
  dirs.push(dir);
  await cp(await pgliteTemplate(), dir, { recursive: true });
  return dir;
};
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const quiet = { print: () => {}, passwordCost: cheapPasswordCost };
const configFor = (dataDir: string, flags: Record<string, unknown> = {}) =>
  readConfig({ port: 0, host: '127.0.0.1', dataDir, logLevel: 'silent', ...flags }, {});

describe('startApp', () => {
  it('serves in demo mode with demo logins, then production refuses to start while demo accounts exist', async () => {
    const dataDir = await freshDataDir();
    const lines: string[] = [];
    const app = await startApp(configFor(dataDir), { ...quiet, print: (line) => lines.push(line) });
    try {
      expect(app.context.demo).toBe(true);
      // Every demo login is printed, the headteacher's marked as such.
      expect(app.demoLogins).toEqual(demoLogins());
      for (const login of demoLogins()) expect(lines.join('\n')).toContain(login.email);
      expect(app.demoLogins.filter((l) => l.headteacher).map((l) => l.role)).toEqual(['school_admin']);
      expect(lines.join('\n')).toContain('school_admin (headteacher)');
      expect(lines.join('\n')).toMatch(/Demo accounts .* skip the second factor/);
      expect(lines.join('\n')).toMatch(/Production accounts do not/);
      expect(lines.join('\n')).toContain('DEMO INSTANCE');
      const health = await fetch(`${app.url}/health`);
      expect(health.status).toBe(200);
    } finally {
      await app.close();
    }
    const refused = await startApp(
      configFor(dataDir, {
        production: true,
        publicUrl: 'https://pathways.trust.example',
        secretKey: Buffer.alloc(32, 7).toString('base64'),
      }),
      quiet,
    ).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('config_invalid');
    expect((refused as AppError).message).toMatch(
      new RegExp(`Production mode refuses to start: the database holds ${demoLogins().length} demo account`),
    );
  });

  it('in production on an empty database creates no demo data', async () => {
    const dataDir = await freshDataDir();
    const app = await startApp(
      configFor(dataDir, {
        production: true,
        publicUrl: 'https://pathways.trust.example',
        secretKey: Buffer.alloc(32, 7).toString('base64'),
      }),
      quiet,
    );
    try {
      expect(app.context.demo).toBe(false);
      expect(await app.context.database.kysely.selectFrom('organisations').select('id').execute()).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('refuses production without a public address, before touching the database', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pathways-app-'));
    dirs.push(dataDir);
    const refused = await startApp(
      configFor(dataDir, { production: true, secretKey: Buffer.alloc(32, 7).toString('base64') }),
      quiet,
    ).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('config_invalid');
    expect((refused as AppError).describe()).toContain('PATHWAYS_PUBLIC_URL');
  });

  it('in demo mode without a public address, emails link to the listening address', async () => {
    const app = await startApp(configFor(await freshDataDir(), { host: '0.0.0.0' }), quiet);
    try {
      expect(app.context.config.publicUrl).toBe(`http://localhost:${app.port}`);
    } finally {
      await app.close();
    }
  });

  it('names the port and the way out when the port is taken, and frees the data folder', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const dataDir = await freshDataDir();
    try {
      const error = await startApp(configFor(dataDir, { port }), quiet).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      const described = (error as AppError).describe();
      expect((error as AppError).code).toBe('port_in_use');
      expect(described).toContain(`Port ${port} is already in use`);
      expect(described).toContain('--port');
      expect(described).toContain('PORT=');
      // The failed start released the lock: the next start on the same folder works.
      const app = await startApp(configFor(dataDir), quiet);
      await app.close();
    } finally {
      blocker.close();
    }
  });
});
