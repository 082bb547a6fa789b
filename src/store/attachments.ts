import type { Kysely } from 'kysely';
import type { AttachmentsTable } from './portfolio-tables.ts';
import type { Tables } from './tables.ts';

export type AttachmentOwnerKind = AttachmentsTable['owner_kind'];

/** One kept file: whose it is, what it is attached to, and the content address of its bytes. */
export type StoredAttachment = {
  id: string;
  trustId: string;
  personId: string;
  ownerKind: AttachmentOwnerKind;
  ownerId: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: Date;
  uploadedBy: string;
  removedAt: Date | null;
};

/** What an owner row says about whether its files may change: evidence has a status and may have returned claims. */
export type AttachmentOwner =
  | { kind: 'evidence'; status: 'draft' | 'submitted' | 'decided'; hasReturnedClaims: boolean }
  | { kind: 'other' };

type Row = {
  id: string;
  trust_id: string;
  person_id: string;
  owner_kind: AttachmentOwnerKind;
  owner_id: string;
  file_name: string;
  media_type: string;
  size_bytes: string;
  sha256: string;
  uploaded_by: string;
  uploaded_at: Date;
  removed_at: Date | null;
};

const toAttachment = (r: Row): StoredAttachment => ({
  id: r.id,
  trustId: r.trust_id,
  personId: r.person_id,
  ownerKind: r.owner_kind,
  ownerId: r.owner_id,
  fileName: r.file_name,
  mediaType: r.media_type,
  sizeBytes: Number(r.size_bytes),
  sha256: r.sha256,
  uploadedAt: r.uploaded_at,
  uploadedBy: r.uploaded_by,
  removedAt: r.removed_at,
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Attachment rows; every query names the trust. Removal keeps the row (and the bytes). */
export const attachments = (db: Kysely<Tables>) => ({
  insert: async (a: Omit<StoredAttachment, 'removedAt'>): Promise<void> => {
    await db
      .insertInto('attachments')
      .values({
        id: a.id,
        trust_id: a.trustId,
        person_id: a.personId,
        owner_kind: a.ownerKind,
        owner_id: a.ownerId,
        file_name: a.fileName,
        media_type: a.mediaType,
        size_bytes: a.sizeBytes,
        sha256: a.sha256,
        uploaded_by: a.uploadedBy,
        uploaded_at: a.uploadedAt,
        removed_at: null,
      })
      .execute();
  },

  /** The attachments (not removed) of some owners of one kind, oldest first. */
  listForOwners: async (trustId: string, ownerKind: AttachmentOwnerKind, ownerIds: readonly string[]): Promise<StoredAttachment[]> => {
    const ids = ownerIds.filter((id) => UUID.test(id));
    if (ids.length === 0) return [];
    const rows = await db
      .selectFrom('attachments')
      .selectAll()
      .where('trust_id', '=', trustId)
      .where('owner_kind', '=', ownerKind)
      .where('owner_id', 'in', ids)
      .where('removed_at', 'is', null)
      .orderBy('uploaded_at')
      .orderBy('id')
      .execute();
    return rows.map(toAttachment);
  },

  /** One attachment of a trust by id (removed ones included: callers decide). */
  find: async (trustId: string, id: string): Promise<StoredAttachment | undefined> => {
    if (!UUID.test(id)) return undefined;
    const row = await db.selectFrom('attachments').selectAll().where('trust_id', '=', trustId).where('id', '=', id).executeTakeFirst();
    return row ? toAttachment(row) : undefined;
  },

  markRemoved: async (trustId: string, id: string, at: Date): Promise<void> => {
    await db.updateTable('attachments').set({ removed_at: at }).where('trust_id', '=', trustId).where('id', '=', id).execute();
  },

  /**
   * Whether an owner row (an achievement, evidence item, CPD activity or training record) exists for
   * the person and is not removed; for evidence, its status and whether any claim was returned.
   */
  ownerBelongsTo: async (
    trustId: string,
    personId: string,
    ownerKind: AttachmentOwnerKind,
    ownerId: string,
  ): Promise<AttachmentOwner | undefined> => {
    if (!UUID.test(ownerId)) return undefined;
    if (ownerKind === 'evidence') {
      const row = await db
        .selectFrom('evidence_items')
        .select((eb) => [
          'status',
          eb
            .exists(
              eb
                .selectFrom('evidence_claims')
                .select('evidence_claims.id')
                .where('evidence_claims.trust_id', '=', trustId)
                .whereRef('evidence_claims.evidence_id', '=', 'evidence_items.id')
                .where('evidence_claims.status', '=', 'returned'),
            )
            .as('has_returned'),
        ])
        .where('trust_id', '=', trustId)
        .where('person_id', '=', personId)
        .where('id', '=', ownerId)
        .where('removed_at', 'is', null)
        .executeTakeFirst();
      return row ? { kind: 'evidence', status: row.status, hasReturnedClaims: Boolean(row.has_returned) } : undefined;
    }
    const table = OWNER_TABLES[ownerKind];
    const row = await db
      .selectFrom(table)
      .select('id')
      .where('trust_id', '=', trustId)
      .where('person_id', '=', personId)
      .where('id', '=', ownerId)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    return row ? { kind: 'other' } : undefined;
  },
});

const OWNER_TABLES = {
  achievement: 'achievements',
  cpd: 'cpd_activities',
  training: 'training_records',
} as const satisfies Record<Exclude<AttachmentOwnerKind, 'evidence'>, keyof Tables>;
