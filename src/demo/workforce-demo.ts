import { AppError } from '../contracts/errors.ts';
import type { Catalogue } from '../framework/catalogue.ts';
import { audit } from '../store/audit.ts';
import { openBulkLoader } from '../store/bulk-load.ts';
import type { Database } from '../store/database.ts';
import { organisations } from '../store/organisations.ts';
import { cheapPasswordCost, hashPassword } from '../usecases/auth/passwords.ts';
import { DEMO_PASSWORD } from './demo.ts';
import { workforceCatalogueOf } from './generate/catalogue-view.ts';
import type { WorkforceProportions } from './generate/proportions.ts';
import { rowCountOf, WORKFORCE_TABLES, type WorkforceTable } from './generate/rows.ts';
import { generateWorkforce, planWorkforce, type WorkforcePlan, type WorkforceScale } from './generate/workforce.ts';

export type WorkforceProgress = { chunk: string; people: number; rows: number; seconds: number };

export type GeneratedWorkforce = {
  plan: WorkforcePlan;
  password: string;
  method: 'copy' | 'insert';
  counts: Record<WorkforceTable, number>;
  /** Seconds spent writing each table (COPY or INSERT, generation excluded), for rows per second by table. */
  tableSeconds: Record<WorkforceTable, number>;
  seconds: number;
};

export type GenerateDemoWorkforceInput = {
  database: Pick<Database, 'kind' | 'kysely' | 'connectionString'>;
  catalogue: Catalogue;
  proportions: WorkforceProportions;
  auditKey: Uint8Array;
  clock: () => Date;
  scale: WorkforceScale;
  seed: number;
  onProgress?: (progress: WorkforceProgress) => void;
};

const zeroCounts = () => Object.fromEntries(WORKFORCE_TABLES.map((t) => [t, 0])) as Record<WorkforceTable, number>;

/**
 * Generates a realistic demo workforce and loads it: the trust first, then school by school, each
 * school's rows in one transaction (COPY on PostgreSQL, batched INSERTs on the embedded database),
 * never more than one school in memory. The trust's audit chain gets one event for the generation,
 * recorded once every school is loaded. A seed already generated into this database is refused.
 */
export const generateDemoWorkforce = async (input: GenerateDemoWorkforceInput): Promise<GeneratedWorkforce> => {
  const plan = planWorkforce(input);
  if (await organisations(input.database.kysely).find(plan.trustId))
    throw new AppError('conflict', `This database already has the workforce generated with seed ${input.seed} ("${plan.trustName}")`, [
      { where: '--seed', reason: 'choose another seed, or use a fresh database' },
    ]);
  const now = input.clock();
  const today = now.toISOString().slice(0, 10);
  const passwordHash = await hashPassword(DEMO_PASSWORD, cheapPasswordCost);
  const loader = await openBulkLoader(input.database);
  const counts = zeroCounts();
  const tableSeconds = Object.fromEntries(WORKFORCE_TABLES.map((t) => [t, 0])) as Record<WorkforceTable, number>;
  const started = performance.now();
  let rows = 0;
  let people = 0;
  let loaded = 0;
  try {
    const chunks = generateWorkforce({ ...input, catalogue: workforceCatalogueOf(input.catalogue), today, now, passwordHash }, plan);
    for (const chunk of chunks) {
      await loader.load(
        WORKFORCE_TABLES.map((table) => ({ table, rows: chunk.rows[table] })),
        (table, _rows, seconds) => {
          tableSeconds[table] += seconds;
        },
      );
      for (const table of WORKFORCE_TABLES) counts[table] += chunk.rows[table].length;
      rows += rowCountOf(chunk);
      people += chunk.rows.people.length;
      loaded++;
      input.onProgress?.({ chunk: chunk.label, people, rows, seconds: (performance.now() - started) / 1000 });
    }
  } catch (error) {
    // Each school is its own transaction: those before the failure stay, so say what is there.
    if (loaded === 0) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new AppError(
      'internal',
      `Generating "${plan.trustName}" stopped after ${loaded - 1} of ${plan.schools.length} schools: ${detail}`,
      [{ where: plan.trustId, reason: 'the trust is incomplete and has no generation event: use a fresh database, or another --seed' }],
    );
  } finally {
    await loader.close();
  }
  await audit(input.database.kysely, input.auditKey).record({
    trustId: plan.trustId,
    actor: 'system:demo',
    action: 'workforce.generated',
    entity: 'organisation',
    entityId: plan.trustId,
    data: { name: plan.trustName, scale: input.scale, seed: input.seed, schools: plan.schools.length, counts, demo: true },
    occurredAt: now,
  });
  return { plan, password: DEMO_PASSWORD, method: loader.method, counts, tableSeconds, seconds: (performance.now() - started) / 1000 };
};
