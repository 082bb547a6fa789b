import type { Kysely } from 'kysely';
import { isoDateOf } from './dates.ts';
import type { EvidenceKind } from './portfolio-tables.ts';
import type { Tables } from './tables.ts';

/** An evidence item as the HLTA evidence file shows it. */
export type FileEvidence = { evidenceId: string; title: string; kind: EvidenceKind; occurredOn: string; status: string };

/** One attachment's metadata, enough to read its bytes from the file store. */
export type FileAttachment = { id: string; evidenceId: string; fileName: string; mediaType: string; sizeBytes: number; sha256: string };

type FileEvidenceRow = { id: string; title: string; kind: EvidenceKind; occurred_on: Date; status: string };

/** Groups evidence rows under the code each was read for (a standard), keeping the rows' order. */
const groupByCode = <Row extends FileEvidenceRow>(rows: readonly Row[], codeOf: (row: Row) => string) => {
  const into = new Map<string, FileEvidence[]>();
  for (const r of rows) {
    const code = codeOf(r);
    const list = into.get(code) ?? [];
    list.push({ evidenceId: r.id, title: r.title, kind: r.kind, occurredOn: isoDateOf(r.occurred_on), status: r.status });
    into.set(code, list);
  }
  return into;
};

/** The HLTA evidence file of a person (hlta_file_entries) and the evidence that may go into it. */
export const hltaFile = (db: Kysely<Tables>) => ({
  /** The chosen documents per standard, in position order; removed evidence is left out. */
  entries: async (trustId: string, personId: string): Promise<Map<string, FileEvidence[]>> => {
    const rows = await db
      .selectFrom('hlta_file_entries as f')
      .innerJoin('evidence_items as e', 'e.id', 'f.evidence_id')
      .select(['f.standard_code', 'e.id', 'e.title', 'e.kind', 'e.occurred_on', 'e.status'])
      .where('f.trust_id', '=', trustId)
      .where('f.person_id', '=', personId)
      .where('e.trust_id', '=', trustId)
      .where('e.removed_at', 'is', null)
      .orderBy('f.standard_code')
      .orderBy('f.position')
      .execute();
    return groupByCode(rows, (r) => r.standard_code);
  },

  /** Per standard code: the person's own evidence claiming it whose claim has not been returned. */
  candidates: async (trustId: string, personId: string, standardCodes: readonly string[]): Promise<Map<string, FileEvidence[]>> => {
    if (standardCodes.length === 0) return new Map();
    const rows = await db
      .selectFrom('evidence_claims as c')
      .innerJoin('evidence_items as e', 'e.id', 'c.evidence_id')
      .select(['c.item_code', 'e.id', 'e.title', 'e.kind', 'e.occurred_on', 'e.status'])
      .where('c.trust_id', '=', trustId)
      .where('e.trust_id', '=', trustId)
      .where('e.person_id', '=', personId)
      .where('e.removed_at', 'is', null)
      .where('c.status', '!=', 'returned')
      .where('c.item_code', 'in', [...standardCodes])
      .orderBy('e.occurred_on')
      .orderBy('e.title')
      .execute();
    return groupByCode(rows, (r) => r.item_code);
  },

  /** Replaces the documents under one standard, keeping the given order (call on a transaction). */
  replace: async (
    entry: { trustId: string; personId: string; standardCode: string; evidenceIds: readonly string[] },
    newId: () => string,
  ): Promise<void> => {
    await db
      .deleteFrom('hlta_file_entries')
      .where('trust_id', '=', entry.trustId)
      .where('person_id', '=', entry.personId)
      .where('standard_code', '=', entry.standardCode)
      .execute();
    if (entry.evidenceIds.length === 0) return;
    await db
      .insertInto('hlta_file_entries')
      .values(
        entry.evidenceIds.map((evidenceId, position) => ({
          id: newId(),
          trust_id: entry.trustId,
          person_id: entry.personId,
          standard_code: entry.standardCode,
          evidence_id: evidenceId,
          position,
        })),
      )
      .execute();
  },

  /** The live attachments of the given evidence items, oldest first. */
  attachments: async (trustId: string, evidenceIds: readonly string[]): Promise<FileAttachment[]> => {
    if (evidenceIds.length === 0) return [];
    const rows = await db
      .selectFrom('attachments')
      .select(['id', 'owner_id', 'file_name', 'media_type', 'size_bytes', 'sha256'])
      .where('trust_id', '=', trustId)
      .where('owner_kind', '=', 'evidence')
      .where('owner_id', 'in', [...evidenceIds])
      .where('removed_at', 'is', null)
      .orderBy('uploaded_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      evidenceId: r.owner_id,
      fileName: r.file_name,
      mediaType: r.media_type,
      sizeBytes: Number(r.size_bytes),
      sha256: r.sha256,
    }));
  },

  /** The name of the organisation a person works for (for the evidence file's index). */
  organisationName: async (trustId: string, organisationId: string): Promise<string> => {
    const row = await db
      .selectFrom('organisations')
      .select('name')
      .where('trust_id', '=', trustId)
      .where('id', '=', organisationId)
      .executeTakeFirst();
    return row?.name ?? '';
  },

  /** The text of the given evidence items, by id. */
  bodies: async (trustId: string, evidenceIds: readonly string[]): Promise<Map<string, string>> => {
    if (evidenceIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('evidence_items')
      .select(['id', 'body'])
      .where('trust_id', '=', trustId)
      .where('id', 'in', [...evidenceIds])
      .execute();
    return new Map(rows.map((r) => [r.id, r.body]));
  },
});
