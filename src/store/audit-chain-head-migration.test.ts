import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';
import { migrate, readMigrations } from './migrate.ts';

const COUNT_MIGRATION = '20261203_1400_audit_chain_head_count.sql';

describe('the audit chain head count migration', () => {
  it('backfills each existing head with the number of events on its chain', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pathways-head-count-'));
    const database = await openDatabase({ dataDir, mode: 'server' });
    try {
      const migrations = await readMigrations();
      expect(migrations.map((m) => m.name)).toContain(COUNT_MIGRATION);
      await migrate(
        database.kysely,
        migrations.filter((m) => m.name < COUNT_MIGRATION),
      );
      for (const [chain, events] of [
        ['trust-a', 3],
        ['trust-b', 1],
      ] as const) {
        for (let n = 0; n < events; n++)
          await sql`INSERT INTO audit_events (trust_id, chain, occurred_at, actor, action, entity, entity_id, data)
            VALUES (NULL, ${chain}, now(), 'test', 'test.written', 'test', ${String(n)}, '{}'::jsonb)`.execute(database.kysely);
        await sql`INSERT INTO audit_chain_heads (chain, last_event_id, last_link) VALUES (${chain}, 0, '')`.execute(database.kysely);
      }
      await migrate(database.kysely, migrations);
      const heads = await database.kysely.selectFrom('audit_chain_heads').select(['chain', 'event_count']).orderBy('chain').execute();
      expect(heads).toEqual([
        { chain: 'trust-a', event_count: 3 },
        { chain: 'trust-b', event_count: 1 },
      ]);
    } finally {
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
