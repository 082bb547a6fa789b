import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openBulkLoader } from './bulk-load.ts';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from './testing.ts';

const trustId = '00000000-0000-4000-8000-000000000001';
const org = (n: number, parent: string | null) => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  trust_id: trustId,
  kind: parent ? 'school' : 'trust',
  name: `Org\t${n} "quoted" \\ back`,
  phase: parent ? 'primary' : null,
  nation: 'England',
  urn: null,
  parent_id: parent,
  created_at: new Date('2026-12-04T09:00:00Z'),
});

/**
 * COPY FROM STDIN does not pass through the embedded database's wire server: PGlite runs one
 * protocol message at a time, and a COPY's Query message ends the exchange before the CopyData
 * arrives ("protocol synchronization was lost"). So the embedded database loads by INSERTs.
 */
describe.each(testDatabaseKinds())('bulk loading on %s', (kind) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.close();
    database = undefined;
  });

  it('writes rows with awkward text exactly, and a batch with a bad row writes nothing and names the table', async () => {
    database = await openTestDatabase(kind);
    const loader = await openBulkLoader(database);
    try {
      expect(loader.method).toBe(kind === 'postgres' ? 'copy' : 'insert');
      await loader.load([{ table: 'organisations', rows: [org(1, null), org(2, trustId)] }]);
      const names = await sql<{ name: string }>`SELECT name FROM organisations ORDER BY id`.execute(database.kysely);
      expect(names.rows.map((r) => r.name)).toEqual(['Org\t1 "quoted" \\ back', 'Org\t2 "quoted" \\ back']);
      // The second table refers to a school that does not exist: the whole load is rolled back.
      const badPerson = {
        id: '00000000-0000-4000-8000-000000000101',
        trust_id: trustId,
        organisation_id: '00000000-0000-4000-8000-000000000009',
        given_name: 'A',
        family_name: 'B',
        work_email: 'a@b.example',
        staff_code: 'X1',
        graded_role: 'TA2',
        job_title: 'Teaching assistant',
        line_manager_id: null,
        hours_per_week: 30,
        weeks_per_year: 39,
        start_date: '2020-09-01',
        created_at: new Date(),
        updated_at: new Date(),
      };
      await expect(
        loader.load([
          { table: 'organisations', rows: [org(3, trustId)] },
          { table: 'people', rows: [badPerson] },
        ]),
      ).rejects.toMatchObject({ message: expect.stringContaining('Bulk loading people failed') });
      const count = await sql<{ n: number }>`SELECT count(*)::int AS n FROM organisations`.execute(database.kysely);
      expect(count.rows[0]?.n).toBe(2);
    } finally {
      await loader.close();
    }
  });
});
