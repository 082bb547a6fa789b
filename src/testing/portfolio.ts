import { unzlibSync } from 'fflate';
import type { Kysely } from 'kysely';
import { PDFDocument } from 'pdf-lib';
import type { Actor } from '../domain/policy/actor.ts';
import type { DatabaseKind } from '../store/database.ts';
import type { FileStore } from '../store/file-store.ts';
import type { EvidenceKind } from '../store/portfolio-tables.ts';
import type { Tables } from '../store/tables.ts';
import { openTestDatabase, type TestDatabase } from '../store/testing.ts';
import type { AppContext } from '../usecases/context.ts';
import { type PortfolioDeps, portfolioDeps } from '../usecases/portfolio/deps.ts';
import { buildTestContext } from './context.ts';
import { loadActor, type SeededTrust, seedTwoTrusts } from './two-trusts.ts';

export type PortfolioTestBed = {
  database: TestDatabase;
  context: AppContext;
  /** Portfolio deps over the context, with no request id. */
  deps: PortfolioDeps;
  own: SeededTrust;
  other: SeededTrust;
};

/**
 * The setup most portfolio use-case tests share: a fresh database of the given kind with two seeded trusts,
 * and an application context whose clock the test controls. The caller closes `database`.
 */
export const openPortfolioTestBed = async (kind: DatabaseKind, clock: () => Date): Promise<PortfolioTestBed> => {
  const database = await openTestDatabase(kind);
  const context = await buildTestContext(database, { clock });
  const { own, other } = await seedTwoTrusts(database.kysely);
  return { database, context, deps: portfolioDeps(context), own, other };
};

/** The report's own account, their line manager, and an admin of the other trust: the usual three sides of a portfolio. */
export type ReportActors = Record<'staff' | 'manager' | 'otherAdmin', Actor>;

export const reportActors = async ({ database, own, other }: PortfolioTestBed): Promise<ReportActors> => ({
  staff: await loadActor(database.kysely, own.users.staff.userId),
  manager: await loadActor(database.kysely, own.users.line_manager.userId),
  otherAdmin: await loadActor(database.kysely, other.users.trust_admin.userId),
});

/** The actions audited in a trust, oldest first. */
export const trustAuditActions = async (db: Kysely<Tables>, trustId: string): Promise<string[]> =>
  (await db.selectFrom('audit_events').select('action').where('trust_id', '=', trustId).orderBy('id').execute()).map((r) => r.action);

/** A 1×1 PNG. */
export const TINY_PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

/** A PDF of the given number of blank pages. */
export const blankPdf = async (pages: number): Promise<Uint8Array> => {
  const pdf = await PDFDocument.create();
  for (let i = 0; i < pages; i += 1) pdf.addPage();
  return pdf.save();
};

/**
 * Test data written straight into the portfolio tables (the other areas' use-cases are not needed):
 * an evidence item with claims and attachments whose bytes go through the file store.
 */
export const insertEvidence = async (
  db: Kysely<Tables>,
  files: FileStore,
  e: {
    trustId: string;
    personId: string;
    userId: string;
    title: string;
    kind?: EvidenceKind;
    status?: 'draft' | 'submitted' | 'decided';
    body?: string;
    claims: { code: string; status?: 'claimed' | 'accepted' | 'returned' }[];
    attachments?: { fileName: string; mediaType: string; bytes: Uint8Array }[];
    occurredOn?: string;
  },
): Promise<string> => {
  const id = crypto.randomUUID();
  const at = new Date('2026-10-01T10:00:00Z');
  await db
    .insertInto('evidence_items')
    .values({
      id,
      trust_id: e.trustId,
      person_id: e.personId,
      kind: e.kind ?? 'reflective-account',
      title: e.title,
      occurred_on: e.occurredOn ?? '2026-10-01',
      body: e.body ?? `What happened in ${e.title}.`,
      status: e.status ?? 'submitted',
      created_by: e.userId,
      created_at: at,
      updated_at: at,
      submitted_at: e.status === 'draft' ? null : at,
    })
    .execute();
  for (const claim of e.claims) {
    const decided = claim.status && claim.status !== 'claimed';
    await db
      .insertInto('evidence_claims')
      .values({
        id: crypto.randomUUID(),
        trust_id: e.trustId,
        evidence_id: id,
        item_code: claim.code,
        status: claim.status ?? 'claimed',
        feedback: claim.status === 'returned' ? 'Say more about the pupils' : null,
        decided_by: decided ? e.userId : null,
        decided_at: decided ? at : null,
      })
      .execute();
  }
  for (const a of e.attachments ?? []) {
    const stored = await files.put(a.bytes);
    await db
      .insertInto('attachments')
      .values({
        id: crypto.randomUUID(),
        trust_id: e.trustId,
        person_id: e.personId,
        owner_kind: 'evidence',
        owner_id: id,
        file_name: a.fileName,
        media_type: a.mediaType,
        size_bytes: stored.sizeBytes,
        sha256: stored.sha256,
        uploaded_by: e.userId,
        uploaded_at: at,
      })
      .execute();
  }
  return id;
};

// TextDecoder's 'latin1' is windows-1252, which does not round-trip bytes 0x80–0x9f; Buffer's is ISO-8859-1.
const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

/** The content of a PDF with its Flate streams inflated (pdfkit compresses them by default). */
const inflated = (bytes: Uint8Array): string =>
  latin1(bytes).replace(/stream\r?\n([\s\S]*?)(\r?)\nendstream/g, (whole, data: string, cr: string) => {
    // A stream whose compressed bytes end in 0x0D looks like one followed by CRLF: try it both ways.
    for (const candidate of cr ? [data, data + cr] : [data]) {
      try {
        return latin1(unzlibSync(Buffer.from(candidate, 'latin1')));
      } catch {
        // Not this reading.
      }
    }
    return whole;
  });

const winAnsi = new TextDecoder('windows-1252');

/** Extracts the text a pdfkit document (pdfmake) shows, words joined and spaces collapsed (standard fonts use WinAnsi). */
export const pdfText = (bytes: Uint8Array): string =>
  inflated(bytes)
    .split('\n')
    .filter((line) => line.endsWith('TJ'))
    .map((line) => [...line.matchAll(/<([0-9a-f]*)>/g)].map((m) => winAnsi.decode(Buffer.from(m[1] ?? '', 'hex'))).join(''))
    .join('')
    .replace(/\s+/g, ' ');
