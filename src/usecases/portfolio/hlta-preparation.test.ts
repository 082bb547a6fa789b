import { unzipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../contracts/errors.ts';
import { seedDemoHltaFile } from '../../demo/portfolio/hlta-demo.ts';
import type { Database } from '../../store/database.ts';
import { hltaFile } from '../../store/hlta-file.ts';
import { testDatabaseKinds } from '../../store/testing.ts';
import {
  blankPdf,
  insertEvidence,
  openPortfolioTestBed,
  pdfText,
  type ReportActors,
  reportActors,
  TINY_PNG,
} from '../../testing/portfolio.ts';
import type { SeededTrust } from '../../testing/two-trusts.ts';
import type { PortfolioDeps } from './deps.ts';
import { assembleHltaEvidenceFile } from './hlta-evidence-file.ts';
import { chooseHltaDocuments, hltaPreparationOf } from './hlta-preparation.ts';

describe.each(testDatabaseKinds())('HLTA preparation on %s', (kind) => {
  let database: Database;
  let deps: PortfolioDeps;
  let own: SeededTrust;
  let as: ReportActors;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    const bed = await openPortfolioTestBed(kind, () => new Date('2026-11-22T10:00:00Z'));
    const { context } = bed;
    ({ database, deps, own } = bed);
    as = await reportActors(bed);
    const base = { trustId: own.trustId, personId: own.reportId, userId: own.users.staff.userId };
    ids.pdf = await insertEvidence(database.kysely, context.files, {
      ...base,
      title: 'Leading a phonics group',
      claims: [{ code: 'HLTA.7', status: 'accepted' }, { code: 'HLTA.1' }],
      attachments: [
        { fileName: 'plan.pdf', mediaType: 'application/pdf', bytes: await blankPdf(2) },
        { fileName: 'photo.png', mediaType: 'image/png', bytes: TINY_PNG },
        {
          fileName: 'notes.docx',
          mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          bytes: new Uint8Array([80, 75, 3, 4]),
        },
      ],
    });
    ids.second = await insertEvidence(database.kysely, context.files, { ...base, title: 'Behaviour log', claims: [{ code: 'HLTA.7' }] });
    ids.third = await insertEvidence(database.kysely, context.files, { ...base, title: 'Third try', claims: [{ code: 'HLTA.7' }] });
    ids.returned = await insertEvidence(database.kysely, context.files, {
      ...base,
      title: 'Returned',
      claims: [{ code: 'HLTA.7', status: 'returned' }],
    });
    ids.othersEvidence = await insertEvidence(database.kysely, context.files, {
      ...base,
      personId: own.otherPersonId,
      title: 'Not mine',
      claims: [{ code: 'HLTA.7' }],
    });
  });
  afterAll(async () => {
    await database?.close();
  });
  const refusal = (code: string) => expect.objectContaining({ code }) as unknown as AppError;
  const staff = () => as.staff;

  it('offers as candidates only the person’s own evidence claiming the standard, not returned claims', async () => {
    const view = await hltaPreparationOf(deps, staff(), own.reportId);
    expect(view.candidates.get('HLTA.7')?.map((c) => c.title)).toEqual(['Behaviour log', 'Leading a phonics group', 'Third try']);
    expect(view.preparation.entryMet).toBe(false);
    expect(view.preparation.standards.every((s) => s.status === 'few')).toBe(true);
  });

  it('lets the person choose up to two documents per standard, audited, and refuses more or others’ evidence', async () => {
    await chooseHltaDocuments(deps, staff(), own.reportId, { standardCode: 'HLTA.7', evidenceIds: [ids.pdf ?? '', ids.second ?? ''] });
    await expect(
      chooseHltaDocuments(deps, staff(), own.reportId, {
        standardCode: 'HLTA.7',
        evidenceIds: [ids.pdf ?? '', ids.second ?? '', ids.third ?? ''],
      }),
    ).rejects.toEqual(refusal('validation'));
    await expect(
      chooseHltaDocuments(deps, staff(), own.reportId, { standardCode: 'HLTA.7', evidenceIds: [ids.returned ?? ''] }),
    ).rejects.toEqual(refusal('validation'));
    await expect(
      chooseHltaDocuments(deps, staff(), own.reportId, { standardCode: 'HLTA.7', evidenceIds: [ids.othersEvidence ?? ''] }),
    ).rejects.toEqual(refusal('validation'));
    await expect(chooseHltaDocuments(deps, staff(), own.reportId, { standardCode: 'ST1414.K1', evidenceIds: [] })).rejects.toEqual(
      refusal('validation'),
    );
    const view = await hltaPreparationOf(deps, staff(), own.reportId);
    expect(view.preparation.standards[6]?.documents.map((d) => [d.label, d.title])).toEqual([
      ['7.1', 'Leading a phonics group'],
      ['7.2', 'Behaviour log'],
    ]);
    const events = await database.kysely.selectFrom('audit_events').select(['data']).where('action', '=', 'hltaFile.updated').execute();
    expect(events).toHaveLength(1);
  });

  it('lets the manager read the check but not choose, and refuses another trust', async () => {
    await expect(hltaPreparationOf(deps, as.manager, own.reportId)).resolves.toBeDefined();
    await expect(chooseHltaDocuments(deps, as.manager, own.reportId, { standardCode: 'HLTA.7', evidenceIds: [] })).rejects.toEqual(
      refusal('forbidden'),
    );
    await expect(hltaPreparationOf(deps, as.otherAdmin, own.reportId)).rejects.toEqual(refusal('not_found'));
  });

  it('assembles a numbered ZIP: index PDF, merged PDF in standards order and the other files beside it, marked draft while not ready', async () => {
    await chooseHltaDocuments(deps, staff(), own.reportId, { standardCode: 'HLTA.1', evidenceIds: [ids.pdf ?? ''] });
    const file = await assembleHltaEvidenceFile(deps, staff(), own.reportId);
    expect(file.draft).toBe(true);
    expect(file.documents).toBe(3);
    const entries = unzipSync(file.bytes);
    expect(Object.keys(entries).sort()).toEqual([
      '01.1 Leading a phonics group.docx',
      '07.1 Leading a phonics group.docx',
      'evidence.pdf',
      'index.pdf',
    ]);
    const index = pdfText(entries['index.pdf'] ?? new Uint8Array());
    expect(index).toContain('DRAFT');
    // Whitespace-blind: the extracted text joins wrapped lines without a space.
    expect(index.replace(/\s/g, '')).toContain('7.1:Leadingaphonicsgroup');
    expect(index).toContain('Standard 33');
    // Document 1.1: separator + 2 PDF pages + 1 image; 7.1 the same; 7.2: separator only.
    const merged = await PDFDocument.load(entries['evidence.pdf'] ?? new Uint8Array());
    expect(merged.getPageCount()).toBe(4 + 4 + 1);
    expect(pdfText(entries['evidence.pdf'] ?? new Uint8Array())).toContain('Standard 7 — document 7.2: Behaviour log');
    const events = await database.kysely.selectFrom('audit_events').select(['data']).where('action', '=', 'hltaFile.assembled').execute();
    expect(events).toEqual([{ data: expect.objectContaining({ draft: true, documents: 3 }) }]);
  });

  it('seeds a demo evidence file from the candidate’s own evidence', async () => {
    const { standardsFiled } = await database.kysely.transaction().execute((trx) =>
      seedDemoHltaFile(trx, {
        trustId: own.trustId,
        auditKey: deps.auditKey,
        catalogue: deps.catalogue,
        people: { candidate: { personId: own.otherPersonId, userId: own.users.staff.userId } },
      }),
    );
    expect(standardsFiled).toBe(1);
    const entries = await hltaFile(database.kysely).entries(own.trustId, own.otherPersonId);
    expect([...entries].map(([code, list]) => [code, list.map((e) => e.title)])).toEqual([['HLTA.7', ['Not mine']]]);
  });
});
