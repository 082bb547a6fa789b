import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../../contracts/errors.ts';
import { sampleExe } from '../../../store/file-samples.ts';
import { testDatabaseKinds } from '../../../store/testing.ts';
import { openPortfolioTestBed, type PortfolioTestBed, type ReportActors, reportActors } from '../../../testing/portfolio.ts';
import type { PortfolioDeps } from '../deps.ts';
import { decideEvidence } from '../evidence/decide-evidence.ts';
import { submitEvidence } from '../evidence/submit-evidence.ts';
import { createEvidence } from '../evidence/write-evidence.ts';
import { attachUpload } from './attachment-upload.ts';
import { evidenceDecisionPage } from './evidence-decision-pages.ts';
import { evidenceEditorPage, evidencePage, saveEvidenceChanges } from './evidence-pages.ts';

const refusal = (code: string) => expect.objectContaining({ code }) as unknown as AppError;

describe.each(testDatabaseKinds())('the evidence pages’ view models on %s', (kind) => {
  let bed: PortfolioTestBed;
  let deps: PortfolioDeps;
  let who: ReportActors;
  let personId: string;

  beforeAll(async () => {
    bed = await openPortfolioTestBed(kind, () => new Date('2026-11-02T09:00:00Z'));
    deps = bed.deps;
    who = await reportActors(bed);
    personId = bed.own.reportId;
  }, 120_000);
  afterAll(async () => {
    await bed?.database.close();
  });

  const draft = (claims: string[]) =>
    createEvidence(deps, who.staff, personId, {
      kind: 'reflective-account',
      title: 'Settling a group after lunch',
      occurredOn: '2026-10-12',
      body: 'A calm start with a visual timetable.',
      claims,
    });

  it('says what each side may do as the evidence moves from draft to submitted to decided', async () => {
    const item = await draft(['HLTA.26', 'HLTA.27']);
    const asAuthor = await evidencePage(deps, who.staff, personId, item.id);
    expect(asAuthor).toMatchObject({ self: true, opensAsEditor: true, locked: [] });
    expect(asAuthor.can).toEqual({ edit: true, upload: true, delete: true, decide: false });
    // The manager reads a draft; it is not theirs to change or (yet) to decide.
    expect((await evidencePage(deps, who.manager, personId, item.id)).can).toEqual({
      edit: false,
      upload: false,
      delete: false,
      decide: false,
    });

    await submitEvidence(deps, who.staff, personId, item.id, { pupilsAnonymised: true });
    expect((await evidencePage(deps, who.staff, personId, item.id)).opensAsEditor).toBe(false);
    const asManager = await evidencePage(deps, who.manager, personId, item.id);
    expect(asManager).toMatchObject({ self: false, opensAsEditor: false, can: { decide: true, edit: false } });
    expect((await evidenceDecisionPage(deps, who.manager, personId, item.id)).awaitingDecision).toBe(true);

    await decideEvidence(deps, who.manager, personId, item.id, {
      decisions: [
        { itemCode: 'HLTA.26', outcome: 'accepted' },
        { itemCode: 'HLTA.27', outcome: 'returned', feedback: 'Say what the pupils did.' },
      ],
    });
    // Returned claims reopen it for the author, with the accepted claim locked; the manager has decided.
    const reopened = await evidencePage(deps, who.staff, personId, item.id);
    expect(reopened).toMatchObject({ opensAsEditor: true, locked: ['HLTA.26'], can: { edit: true, upload: true, delete: false } });
    expect((await evidencePage(deps, who.manager, personId, item.id)).can.decide).toBe(false);
    expect((await evidenceDecisionPage(deps, who.manager, personId, item.id)).awaitingDecision).toBe(false);
  });

  it('refuses the decision page to the author and the editor to the manager, and another trust cannot tell the evidence exists', async () => {
    const item = await draft(['HLTA.1']);
    await expect(evidenceDecisionPage(deps, who.staff, personId, item.id)).rejects.toEqual(refusal('forbidden'));
    await expect(evidenceEditorPage(deps, who.manager, personId, item.id)).rejects.toEqual(refusal('forbidden'));
    await expect(evidencePage(deps, who.otherAdmin, personId, item.id)).rejects.toEqual(refusal('not_found'));
  });

  it('answers a refused save with the editor to show it on, and saves nothing', async () => {
    const item = await draft(['HLTA.2']);
    const outcome = await saveEvidenceChanges(deps, who.staff, personId, item.id, {
      kind: 'reflective-account',
      title: '',
      occurredOn: '2026-10-12',
      body: 'x',
      claims: [],
    });
    expect(outcome.saved).toBe(false);
    if (outcome.saved) return;
    expect(outcome.refusal.code).toBe('validation');
    expect(outcome.page.evidence?.item.title).toBe('Settling a group after lunch');
  });

  it('checks the person before reading an upload, and words a refused file for the page', async () => {
    const item = await draft(['HLTA.3']);
    let read = false;
    const reader = async () => {
      read = true;
      return {
        owner: { ownerKind: 'evidence' as const, ownerId: item.id },
        file: { fileName: 'tool.exe', bytes: sampleExe(), truncated: false },
      };
    };
    await expect(attachUpload(deps, who.otherAdmin, personId, reader)).rejects.toEqual(refusal('not_found'));
    expect(read).toBe(false);
    const refused = await attachUpload(deps, who.staff, personId, reader);
    expect(read).toBe(true);
    expect(refused).toMatchObject({ ownerId: item.id, message: expect.stringContaining('tool.exe') });
    expect(
      await attachUpload(deps, who.staff, personId, async () => ({ owner: { ownerKind: 'evidence', ownerId: item.id }, file: null })),
    ).toEqual({
      message: 'Select a file to attach',
      ownerId: item.id,
    });
  });
});
