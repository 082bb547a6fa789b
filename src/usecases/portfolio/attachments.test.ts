import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoAttachments } from '../../demo/portfolio/attachments-demo.ts';
import type { Actor } from '../../domain/policy/actor.ts';
import { sampleDoc, sampleDocx, sampleExe, sampleHeic, sampleOdt, samplePdf } from '../../store/file-samples.ts';
import { detectFileType } from '../../store/file-type.ts';
import { type TestDatabase, testDatabaseKinds } from '../../store/testing.ts';
import { insertAchievement, insertEvidence, insertTrainingRecord } from '../../testing/attachments.ts';
import { openPortfolioTestBed } from '../../testing/portfolio.ts';
import { loadActor, type SeededTrust } from '../../testing/two-trusts.ts';
import { addAttachment, attachmentsOf, openAttachment, readAttachmentBytes, removeAttachment } from './attachments.ts';
import type { PortfolioDeps } from './deps.ts';

const NOW = new Date('2026-11-20T10:00:00Z');

describe.each(testDatabaseKinds())('attachments on %s', (kind) => {
  let database: TestDatabase;
  let deps: PortfolioDeps;
  let own: SeededTrust;
  let other: SeededTrust;
  let staff: Actor;
  let manager: Actor;
  let otherStaff: Actor;
  let trustAdmin: Actor;

  const load = (userId: string) => loadActor(database.kysely, userId);
  /** A draft evidence item of the report's, with a PDF the report attached to it. */
  const addPdfToDraftEvidence = async () => {
    const ownerId = await insertEvidence(database.kysely, own, NOW, 'draft');
    const added = await addAttachment(deps, staff, {
      personId: own.reportId,
      ownerKind: 'evidence',
      ownerId,
      fileName: 'a.pdf',
      bytes: samplePdf(),
    });
    return { ownerId, added };
  };
  const count = async (table: 'attachments' | 'audit_events', action = 'attachment.added') => {
    const query = database.kysely.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n'));
    const row = await (table === 'audit_events' ? query.where('action', '=', action) : query).executeTakeFirstOrThrow();
    return Number(row.n);
  };

  beforeAll(async () => {
    ({ database, deps, own, other } = await openPortfolioTestBed(kind, () => NOW));
    staff = await load(own.users.staff.userId);
    manager = await load(own.users.line_manager.userId);
    trustAdmin = await load(own.users.trust_admin.userId);
    otherStaff = await load(other.users.staff.userId);
  }, 60_000);
  afterAll(async () => database?.close());

  it.each([
    ['certificate.pdf', samplePdf, 'application/pdf', 'certificate.pdf'],
    ['IMG_0042.HEIC', sampleHeic, 'image/heic', 'IMG_0042.HEIC'],
    ['reflection.docx', sampleDocx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'reflection.docx'],
    ['reflection.odt', sampleOdt, 'application/vnd.oasis.opendocument.text', 'reflection.odt'],
    ['old.doc', sampleDoc, 'application/msword', 'old.doc'],
    // The name's extension is made to agree with the content, so a download opens as what it is.
    ['misnamed.png', samplePdf, 'application/pdf', 'misnamed.pdf'],
    ['polyglot.html', samplePdf, 'application/pdf', 'polyglot.pdf'],
    ['invoice\u202Efdp.exe', samplePdf, 'application/pdf', 'invoicefdp.pdf'],
    ['Zoe\u0308 notes', samplePdf, 'application/pdf', 'Zo\u00eb notes.pdf'],
  ])('attaches %s, typed by its content', async (fileName, sample, mediaType, storedName) => {
    const ownerId = await insertEvidence(database.kysely, own, NOW, 'draft');
    const bytes = sample();
    const summary = await addAttachment(deps, staff, { personId: own.reportId, ownerKind: 'evidence', ownerId, fileName, bytes });
    expect(summary).toMatchObject({
      personId: own.reportId,
      ownerKind: 'evidence',
      ownerId,
      fileName: storedName,
      mediaType,
      sizeBytes: bytes.byteLength,
    });
    expect(await readAttachmentBytes(deps, summary)).toEqual(bytes);
    const listed = await attachmentsOf(database.kysely, own.trustId, 'evidence', [ownerId]);
    expect(listed.get(ownerId)?.map((a) => a.id)).toEqual([summary.id]);
  });

  it('refuses a Windows program renamed .pdf and records nothing', async () => {
    const ownerId = await insertEvidence(database.kysely, own, NOW, 'draft');
    const [rows, events] = [await count('attachments'), await count('audit_events')];
    await expect(
      addAttachment(deps, staff, { personId: own.reportId, ownerKind: 'evidence', ownerId, fileName: 'report.pdf', bytes: sampleExe() }),
    ).rejects.toMatchObject({
      code: 'validation',
      details: [{ where: 'file', reason: expect.stringContaining('report.pdf is a Windows program, not a PDF') }],
    });
    expect(await count('attachments')).toBe(rows);
    expect(await count('audit_events')).toBe(events);
  });

  it('refuses a file over the configured limit', async () => {
    const ownerId = await insertAchievement(database.kysely, own, NOW);
    const small = { ...deps, config: { ...deps.config, attachmentMaxBytes: 100 } };
    await expect(
      addAttachment(small, staff, { personId: own.reportId, ownerKind: 'achievement', ownerId, fileName: 'cert.pdf', bytes: samplePdf() }),
    ).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringMatching(/^cert\.pdf is \d+ bytes; the largest file accepted is 100 bytes$/),
    });
  });

  it('locks submitted and decided evidence unless a claim was returned', async () => {
    for (const status of ['submitted', 'decided'] as const) {
      const ownerId = await insertEvidence(database.kysely, own, NOW, status);
      await expect(
        addAttachment(deps, staff, { personId: own.reportId, ownerKind: 'evidence', ownerId, fileName: 'a.pdf', bytes: samplePdf() }),
      ).rejects.toMatchObject({ code: 'conflict', message: 'Submitted evidence cannot be changed until your manager returns a claim' });
    }
    const returned = await insertEvidence(database.kysely, own, NOW, 'decided', true);
    await expect(
      addAttachment(deps, staff, {
        personId: own.reportId,
        ownerKind: 'evidence',
        ownerId: returned,
        fileName: 'a.pdf',
        bytes: samplePdf(),
      }),
    ).resolves.toMatchObject({ ownerId: returned });
  });

  it('only lets the person themselves attach to their evidence', async () => {
    const ownerId = await insertEvidence(database.kysely, own, NOW, 'draft');
    // Refused in the trust; another trust's staff are answered as if the person did not exist.
    for (const [actor, code] of [
      [manager, 'forbidden'],
      [trustAdmin, 'forbidden'],
      [otherStaff, 'not_found'],
    ] as const) {
      await expect(
        addAttachment(deps, actor, { personId: own.reportId, ownerKind: 'evidence', ownerId, fileName: 'a.pdf', bytes: samplePdf() }),
      ).rejects.toMatchObject({ code });
    }
  });

  it('lets admins who keep training records attach certificates to them, but not to evidence', async () => {
    const ownerId = await insertTrainingRecord(database.kysely, own, NOW);
    const schoolAdmin = await load(own.users.school_admin.userId);
    for (const actor of [trustAdmin, schoolAdmin, staff]) {
      await expect(
        addAttachment(deps, actor, {
          personId: own.reportId,
          ownerKind: 'training',
          ownerId,
          fileName: 'first-aid.pdf',
          bytes: samplePdf(),
        }),
      ).resolves.toMatchObject({ ownerKind: 'training', ownerId, uploadedBy: actor.userId });
    }
    await expect(
      addAttachment(deps, manager, { personId: own.reportId, ownerKind: 'training', ownerId, fileName: 'a.pdf', bytes: samplePdf() }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const [first] = (await attachmentsOf(database.kysely, own.trustId, 'training', [ownerId])).get(ownerId) ?? [];
    if (!first) throw new Error('no attachment');
    await removeAttachment(deps, schoolAdmin, own.reportId, first.id);
    const evidence = await insertEvidence(database.kysely, own, NOW, 'draft');
    const onEvidence = await addAttachment(deps, staff, {
      personId: own.reportId,
      ownerKind: 'evidence',
      ownerId: evidence,
      fileName: 'a.pdf',
      bytes: samplePdf(),
    });
    await expect(removeAttachment(deps, schoolAdmin, own.reportId, onEvidence.id)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('refuses an owner that is not the person’s', async () => {
    const ownerId = await insertEvidence(database.kysely, other, NOW, 'draft');
    await expect(
      addAttachment(deps, staff, { personId: own.reportId, ownerKind: 'evidence', ownerId, fileName: 'a.pdf', bytes: samplePdf() }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('opens an attachment for those who may read the portfolio, and not found for another person’s id', async () => {
    const { added } = await addPdfToDraftEvidence();
    const opened = await openAttachment(deps, manager, own.reportId, added.id);
    expect(opened.summary).toEqual(added);
    expect(await text(opened.stream)).toContain('%PDF-1.4');
    await expect(openAttachment(deps, otherStaff, own.reportId, added.id)).rejects.toMatchObject({ code: 'not_found' });
    // Another trust's staff member asking under their own person id: the id is not theirs.
    await expect(openAttachment(deps, otherStaff, other.reportId, added.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(openAttachment(deps, manager, own.otherPersonId, added.id)).rejects.toMatchObject({ code: 'forbidden' });
    const admin = await load(own.users.school_admin.userId);
    await expect(openAttachment(deps, admin, own.otherPersonId, added.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('removes an attachment, keeping the row, and audits it', async () => {
    const { ownerId, added } = await addPdfToDraftEvidence();
    await expect(removeAttachment(deps, manager, own.reportId, added.id)).rejects.toMatchObject({ code: 'forbidden' });
    await removeAttachment(deps, staff, own.reportId, added.id);
    expect((await attachmentsOf(database.kysely, own.trustId, 'evidence', [ownerId])).get(ownerId)).toEqual([]);
    const row = await database.kysely.selectFrom('attachments').select('removed_at').where('id', '=', added.id).executeTakeFirstOrThrow();
    expect(row.removed_at).toEqual(NOW);
    const event = await database.kysely
      .selectFrom('audit_events')
      .select(['actor', 'trust_id'])
      .where('action', '=', 'attachment.removed')
      .where('entity_id', '=', added.id)
      .executeTakeFirstOrThrow();
    expect(event).toEqual({ actor: own.users.staff.userId, trust_id: own.trustId });
    await expect(openAttachment(deps, staff, own.reportId, added.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(removeAttachment(deps, staff, own.reportId, added.id)).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe.each(testDatabaseKinds())('demo attachments on %s', (kind) => {
  let database: TestDatabase;
  afterAll(async () => database?.close());

  it('attaches a real certificate PDF to a record', async () => {
    const bed = await openPortfolioTestBed(kind, () => NOW);
    const { context, own } = bed;
    database = bed.database;
    const ownerId = await insertAchievement(database.kysely, own, NOW);
    await database.kysely.transaction().execute((trx) =>
      seedDemoAttachments(trx, {
        trustId: own.trustId,
        clock: () => NOW,
        auditKey: context.keys.auditKey,
        files: context.files,
        certificates: [
          {
            personId: own.reportId,
            personName: 'Sam Staff',
            ownerKind: 'achievement',
            ownerId,
            uploadedBy: own.users.staff.userId,
            title: 'Level 3 Certificate',
            awardedOn: '2025-07-01',
          },
        ],
      }),
    );
    const [certificate] = (await attachmentsOf(database.kysely, own.trustId, 'achievement', [ownerId])).get(ownerId) ?? [];
    expect(certificate).toMatchObject({ fileName: 'Level 3 Certificate.pdf', mediaType: 'application/pdf' });
    if (!certificate) throw new Error('no certificate');
    const bytes = await readAttachmentBytes(context, certificate);
    expect(await detectFileType(bytes)).toEqual({ ext: 'pdf', mime: 'application/pdf' });
  }, 60_000);
});
