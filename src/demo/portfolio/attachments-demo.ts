import type { Kysely } from 'kysely';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { AttachmentOwnerKind } from '../../contracts/portfolio/attachment.ts';
import { attachments } from '../../store/attachments.ts';
import { audit } from '../../store/audit.ts';
import type { FileStore } from '../../store/file-store.ts';
import type { Tables } from '../../store/tables.ts';

/** One demo certificate: who holds it, what it is attached to, and what it certifies. */
export type DemoCertificate = {
  personId: string;
  personName: string;
  ownerKind: AttachmentOwnerKind;
  ownerId: string;
  uploadedBy: string;
  title: string;
  awardedOn: string;
};

/** A one-page certificate PDF, so demo attachments open as real files. */
const certificatePdf = async (c: DemoCertificate): Promise<Uint8Array> => {
  const pdf = await PDFDocument.create();
  pdf.setTitle(c.title);
  // A fixed date keeps the demo's bytes, and so their content address, the same on every run.
  pdf.setCreationDate(new Date(`${c.awardedOn}T09:00:00Z`));
  pdf.setModificationDate(new Date(`${c.awardedOn}T09:00:00Z`));
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 420]);
  page.drawText('Certificate (demonstration data)', { x: 50, y: 350, size: 20, font });
  page.drawText(c.title, { x: 50, y: 300, size: 14, font });
  page.drawText(`Awarded to ${c.personName} on ${c.awardedOn}`, { x: 50, y: 270, size: 12, font });
  return pdf.save();
};

/**
 * Seeds certificates on the demo trust's records (achievements, training records, evidence), through
 * the same file store, rows and audit events as a real upload.
 */
export const seedDemoAttachments = async (
  trx: Kysely<Tables>,
  options: { trustId: string; clock: () => Date; auditKey: Uint8Array; files: FileStore; certificates: readonly DemoCertificate[] },
): Promise<void> => {
  for (const c of options.certificates) {
    const stored = await options.files.put(await certificatePdf(c));
    const id = crypto.randomUUID();
    const fileName = `${c.title.replace(/[^\p{L}\p{N} -]/gu, '').trim() || 'certificate'}.pdf`;
    await attachments(trx).insert({
      id,
      trustId: options.trustId,
      personId: c.personId,
      ownerKind: c.ownerKind,
      ownerId: c.ownerId,
      fileName,
      mediaType: 'application/pdf',
      sizeBytes: stored.sizeBytes,
      sha256: stored.sha256,
      uploadedBy: c.uploadedBy,
      uploadedAt: options.clock(),
    });
    await audit(trx, options.auditKey).record({
      trustId: options.trustId,
      actor: c.uploadedBy,
      action: 'attachment.added',
      entity: 'attachment',
      entityId: id,
      data: {
        before: null,
        after: { personId: c.personId, ownerKind: c.ownerKind, ownerId: c.ownerId, fileName, mediaType: 'application/pdf' },
      },
    });
  }
};
