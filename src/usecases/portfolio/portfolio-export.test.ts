import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../contracts/errors.ts';
import { PortfolioRecord, portfolioRecordJsonSchema } from '../../contracts/portfolio/record.ts';
import type { Database } from '../../store/database.ts';
import { testDatabaseKinds } from '../../store/testing.ts';
import { insertEvidence, openPortfolioTestBed, pdfText, type ReportActors, reportActors } from '../../testing/portfolio.ts';
import type { SeededTrust } from '../../testing/two-trusts.ts';
import type { PortfolioDeps } from './deps.ts';
import { portfolioOverview } from './overview.ts';
import { exportPortfolioPdf, exportPortfolioRecord } from './portfolio-export.ts';
import { teamOf } from './team.ts';

describe('the published portfolio record schema', () => {
  it('is a draft 2020-12 JSON Schema object describing every section', () => {
    const schema = portfolioRecordJsonSchema();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(
      expect.arrayContaining(['schemaVersion', 'person', 'achievements', 'judgements', 'evidence', 'cpd', 'reviews', 'training']),
    );
    // Structural check: every `type` names a JSON Schema type and every `properties` is an object of schemas.
    const types = new Set(['object', 'array', 'string', 'number', 'integer', 'boolean', 'null']);
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) {
        for (const child of node) walk(child);
        return;
      }
      if (typeof node !== 'object' || node === null) return;
      const record = Object.fromEntries(Object.entries(node));
      if ('type' in record) {
        const listed = Array.isArray(record.type) ? record.type : [record.type];
        for (const t of listed) expect(types.has(String(t))).toBe(true);
      }
      if ('properties' in record) expect(typeof record.properties).toBe('object');
      if ('required' in record) expect(Array.isArray(record.required) && record.required.every((r) => typeof r === 'string')).toBe(true);
      for (const value of Object.values(record)) walk(value);
    };
    walk(schema);
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });
});

describe.each(testDatabaseKinds())('portfolio exports, overview and team on %s', (kind) => {
  let database: Database;
  let deps: PortfolioDeps;
  let own: SeededTrust;
  let as: ReportActors;
  beforeAll(async () => {
    const bed = await openPortfolioTestBed(kind, () => new Date('2026-11-22T10:00:00Z'));
    const { context } = bed;
    ({ database, deps, own } = bed);
    as = await reportActors(bed);
    const base = { trustId: own.trustId, personId: own.reportId, userId: own.users.staff.userId };
    const evidenceId = await insertEvidence(database.kysely, context.files, {
      ...base,
      title: 'Leading a phonics group',
      claims: [{ code: 'HLTA.7', status: 'accepted' }],
    });
    await insertEvidence(database.kysely, context.files, {
      ...base,
      title: 'Unfinished draft',
      status: 'draft',
      claims: [{ code: 'HLTA.2' }],
    });
    await insertEvidence(database.kysely, context.files, {
      ...base,
      title: 'Needs more',
      claims: [{ code: 'HLTA.3', status: 'returned' }],
    });
    for (const [value, at] of [
      ['developing', '2026-10-01T10:00:00Z'],
      ['met', '2026-10-02T10:00:00Z'],
    ] as const)
      await database.kysely
        .insertInto('judgements')
        .values({
          id: crypto.randomUUID(),
          trust_id: own.trustId,
          person_id: own.reportId,
          item_code: 'HLTA.7',
          value,
          source: 'evidence',
          evidence_id: evidenceId,
          judged_by: own.users.line_manager.userId,
          judged_at: at,
        })
        .execute();
    const cpd = (occurredOn: string, minutes: number) => ({
      id: crypto.randomUUID(),
      trust_id: own.trustId,
      person_id: own.reportId,
      status: 'done' as const,
      title: `Course on ${occurredOn}`,
      kind: 'course' as const,
      occurred_on: occurredOn,
      minutes,
      created_by: own.users.staff.userId,
      created_at: '2026-11-01T10:00:00Z',
      updated_at: '2026-11-01T10:00:00Z',
    });
    await database.kysely
      .insertInto('cpd_activities')
      .values([cpd('2026-09-10', 90), cpd('2026-08-31', 60)])
      .execute();
    const kindId = crypto.randomUUID();
    await database.kysely
      .insertInto('training_kinds')
      .values({ id: kindId, trust_id: own.trustId, code: 'safeguarding', title: 'Safeguarding', validity_months: 12 })
      .execute();
    await database.kysely
      .insertInto('training_records')
      .values({
        id: crypto.randomUUID(),
        trust_id: own.trustId,
        person_id: own.reportId,
        kind_id: kindId,
        completed_on: '2025-09-01',
        expires_on: '2026-09-01',
        recorded_by: own.users.staff.userId,
        recorded_at: '2025-09-01T10:00:00Z',
      })
      .execute();
  });
  afterAll(async () => {
    await database?.close();
  });
  const refusal = (code: string) => expect.objectContaining({ code }) as unknown as AppError;

  it('exports the JSON record, valid against its schema, with judgement history and evidence titles; audited', async () => {
    const record = await exportPortfolioRecord(deps, as.staff, own.reportId);
    expect(PortfolioRecord.safeParse(JSON.parse(JSON.stringify(record))).success).toBe(true);
    expect(record.judgements).toEqual([
      expect.objectContaining({
        itemCode: 'HLTA.7',
        itemTitle: 'improve their own knowledge and practice including responding to advice and feedback.',
        current: expect.objectContaining({ value: 'met', evidenceTitle: 'Leading a phonics group' }),
        history: [expect.objectContaining({ value: 'met' }), expect.objectContaining({ value: 'developing' })],
      }),
    ]);
    expect(record.cpd.totalsByAcademicYear).toEqual([
      { academicYear: '2026/27', minutes: 90 },
      { academicYear: '2025/26', minutes: 60 },
    ]);
    expect(record.evidence.map((e) => e.title)).toContain('Needs more');
    const events = await database.kysely.selectFrom('audit_events').select(['data']).where('action', '=', 'portfolio.exported').execute();
    expect(events).toEqual([{ data: { format: 'json' } }]);
  });

  it('exports a PDF with the person’s name and evidence titles', async () => {
    const pdf = await exportPortfolioPdf(deps, as.manager, own.reportId, { compress: false });
    expect(Buffer.from(pdf.bytes.slice(0, 5)).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf.bytes);
    expect(text).toContain('Portfolio of');
    expect(text).toContain('Leading a phonics group');
    expect(text).toContain('2026/27');
  });

  it('labels every item in the PDF with its code and its statement, judgements and evidence claims alike', async () => {
    const text = pdfText((await exportPortfolioPdf(deps, as.manager, own.reportId, { compress: false })).bytes);
    expect(text).toContain('HLTA.7 — improve their own knowledge');
    expect(text).toContain('HLTA.2 — ');
    expect(text).not.toMatch(/HLTA\.\d+(?!\d| — )/);
  });

  it('refuses another trust’s admin', async () => {
    // Answered as for an unknown id, so another trust cannot confirm the person exists.
    await expect(exportPortfolioRecord(deps, as.otherAdmin, own.reportId)).rejects.toEqual(refusal('not_found'));
  });

  it('counts progress per standard set and lists what to do next', async () => {
    const overview = await portfolioOverview(deps, as.staff, own.reportId);
    expect(overview.sets.find((s) => s.key === 'hlta')).toMatchObject({ total: 33, met: 1, developing: 0, notStarted: 32 });
    expect(overview.sets.map((s) => s.key)).toEqual(expect.arrayContaining(['hlta', 'st1414', 'associate-teacher']));
    expect(overview.counts).toMatchObject({
      evidenceDrafts: 1,
      evidenceReturned: 1,
      evidenceAwaitingDecision: 2,
      cpdMinutesInYear: 90,
      trainingExpired: 1,
    });
    expect(overview.next.map((n) => n.text)).toEqual(
      expect.arrayContaining(['1 draft not yet submitted', '1 training record is out of date']),
    );
  });

  it('shows a line manager their team with the figures', async () => {
    const team = await teamOf(deps, as.manager);
    expect(team.members).toEqual([
      expect.objectContaining({
        id: own.reportId,
        evidenceAwaitingDecision: 2,
        hltaMet: 1,
        hltaTotal: 33,
        cpdMinutesInYear: 90,
        trainingExpired: 1,
        reviewStage: null,
      }),
    ]);
    expect((await teamOf(deps, as.staff)).members).toEqual([]);
  });
});
