import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jobs } from '../../store/jobs.ts';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../../store/testing.ts';
import { enqueue } from './queue.ts';
import { createJobWorker } from './worker.ts';

describe.each(testDatabaseKinds())('job queue on %s', (kind) => {
  let database: TestDatabase;
  let now: Date;
  const clock = () => now;

  beforeEach(async () => {
    database = await openTestDatabase(kind);
    now = new Date('2026-03-01T09:00:00Z');
  });
  afterEach(async () => {
    await database.close();
  });

  it('runs a job enqueued before a restart with a new worker on the same database', async () => {
    const ran: string[] = [];
    const first = createJobWorker({ db: database.kysely, clock, handlers: {} });
    first.start();
    await first.stop();
    // Enqueued inside a transaction, after the first worker stopped (the "crash").
    const id = await database.kysely.transaction().execute((tx) => enqueue(tx, 'noop', {}, { now }));
    const second = createJobWorker({
      db: database.kysely,
      clock,
      handlers: {
        noop: async (_payload, job) => {
          ran.push(job.id);
        },
      },
    });
    expect(await second.drain()).toBe(1);
    expect(ran).toEqual([id]);
    expect((await jobs(database.kysely).find(id))?.doneAt).toEqual(now);
    expect(await second.drain()).toBe(0);
  });

  it('does not run a job enqueued in a transaction that rolled back, nor one not yet due', async () => {
    await database.kysely
      .transaction()
      .execute(async (tx) => {
        await enqueue(tx, 'noop', {}, { now });
        throw new Error('rollback');
      })
      .catch(() => undefined);
    await enqueue(database.kysely, 'noop', {}, { runAt: new Date(now.getTime() + 60_000) });
    const worker = createJobWorker({ db: database.kysely, clock, handlers: { noop: async () => {} } });
    expect(await worker.drain()).toBe(0);
    now = new Date(now.getTime() + 60_000);
    expect(await worker.drain()).toBe(1);
  });

  it('retries a failing job with exponential backoff, records the error, then gives up after max attempts', async () => {
    let calls = 0;
    const worker = createJobWorker({
      db: database.kysely,
      clock,
      backoffMs: 1000,
      handlers: {
        noop: async () => {
          calls++;
          throw new Error(`SMTP refused (${calls})`);
        },
      },
    });
    const id = await enqueue(database.kysely, 'noop', {}, { now, maxAttempts: 3 });
    expect(await worker.drain()).toBe(1);
    let state = await jobs(database.kysely).find(id);
    expect(state).toMatchObject({ attempts: 1, lastError: 'SMTP refused (1)', doneAt: null, lockedUntil: null });
    expect(state?.runAt.getTime()).toBe(now.getTime() + 1000);
    expect(await worker.drain()).toBe(0); // not due yet
    now = new Date(now.getTime() + 1000);
    expect(await worker.drain()).toBe(1);
    state = await jobs(database.kysely).find(id);
    expect(state?.attempts).toBe(2);
    expect(state?.runAt.getTime()).toBe(now.getTime() + 2000);
    now = new Date(now.getTime() + 2000);
    expect(await worker.drain()).toBe(1);
    now = new Date(now.getTime() + 3_600_000);
    expect(await worker.drain()).toBe(0); // given up
    state = await jobs(database.kysely).find(id);
    expect(state).toMatchObject({ attempts: 3, lastError: 'SMTP refused (3)', doneAt: null });
    expect(calls).toBe(3);
  });

  it('takes over a job whose worker died holding the lease, once the lease has run out', async () => {
    const id = await enqueue(database.kysely, 'noop', {}, { now });
    const claimed = await jobs(database.kysely).claimDue(now, 60_000);
    expect(claimed?.id).toBe(id);
    const worker = createJobWorker({ db: database.kysely, clock, handlers: { noop: async () => {} } });
    expect(await worker.drain()).toBe(0);
    now = new Date(now.getTime() + 61_000);
    expect(await worker.drain()).toBe(1);
    expect((await jobs(database.kysely).find(id))?.attempts).toBe(2);
  });

  it('two workers never run the same job twice', async () => {
    for (let i = 0; i < 6; i++) await enqueue(database.kysely, 'noop', {}, { now });
    const seen: string[] = [];
    const handlers = {
      noop: async (_p: Record<string, never>, job: { id: string }) => {
        seen.push(job.id);
        await new Promise((r) => setTimeout(r, 5));
      },
    };
    const a = createJobWorker({ db: database.kysely, clock, handlers });
    const b = createJobWorker({ db: database.kysely, clock, handlers });
    const [ra, rb] = await Promise.all([a.drain(), b.drain()]);
    expect(ra + rb).toBe(6);
    expect(new Set(seen).size).toBe(6);
  });
});
