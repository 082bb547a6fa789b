import { AppError } from '../../contracts/errors.ts';
import { AchievementDetails } from '../../contracts/portfolio/achievement.ts';
import { PORTFOLIO_RECORD_VERSION, PortfolioRecord } from '../../contracts/portfolio/record.ts';
import { minutesByAcademicYear } from '../../domain/academic-year.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import type { Catalogue } from '../../framework/catalogue.ts';
import { itemLabel } from '../../framework/item-label.ts';
import { audit } from '../../store/audit.ts';
import { portfolioRecord } from '../../store/portfolio-record.ts';
import { unknownPerson } from '../authorize.ts';
import { loadSubject } from '../progression/stored-person.ts';
import type { PortfolioDeps } from './deps.ts';
import { portfolioRecordPdf } from './portfolio-pdf.ts';

type Format = 'json' | 'pdf';

const recordOf = async (deps: PortfolioDeps, trustId: string, personId: string): Promise<PortfolioRecord> => {
  const stored = await portfolioRecord(deps.db, trustId, personId);
  if (!stored) throw unknownPerson(personId);
  const byItem = new Map<string, (typeof stored.judgements)[number][]>();
  for (const j of stored.judgements) byItem.set(j.itemCode, [...(byItem.get(j.itemCode) ?? []), j]);
  const judgements = [...byItem].flatMap(([itemCode, rows]) => {
    const history = rows.map(({ itemCode: _code, ...entry }) => entry);
    const [current] = history;
    return current ? [{ itemCode, itemTitle: itemLabel(deps.catalogue, itemCode).statement || itemCode, current, history }] : [];
  });
  const done = stored.cpd.flatMap((a) => (a.status === 'done' && a.occurredOn ? [{ occurredOn: a.occurredOn, minutes: a.minutes }] : []));
  const draft = {
    schemaVersion: PORTFOLIO_RECORD_VERSION,
    exportedAt: deps.clock().toISOString(),
    ...stored,
    judgements,
    cpd: {
      activities: stored.cpd,
      totalsByAcademicYear: minutesByAcademicYear(done).map((t) => ({ academicYear: t.year, minutes: t.minutes })),
    },
  };
  // Validated before it leaves: the published schema is a promise to whoever imports the file.
  const parsed = PortfolioRecord.safeParse(draft);
  if (!parsed.success) throw new AppError('internal', 'The portfolio record does not match its published schema');
  return parsed.data;
};

const recordExport = async (deps: PortfolioDeps, actor: Actor | Anonymous, trustId: string, personId: string, format: Format) => {
  await deps.db.transaction().execute(async (trx) => {
    await audit(trx, deps.auditKey).record({
      trustId,
      actor: actor.kind === 'user' ? actor.userId : 'anonymous',
      action: 'portfolio.exported',
      entity: 'person',
      entityId: personId,
      data: { format },
      requestId: deps.requestId ?? null,
    });
  });
};

/** A person's whole portfolio as the published JSON record (anyone who may read it); audited as portfolio.exported. */
export const exportPortfolioRecord = async (deps: PortfolioDeps, actor: Actor | Anonymous, personId: string): Promise<PortfolioRecord> => {
  const subject = await loadSubject(deps, actor, personId, 'person.readPortfolio');
  const record = await recordOf(deps, subject.trustId, subject.id);
  await recordExport(deps, actor, subject.trustId, subject.id, 'json');
  return record;
};

/** A person's whole portfolio as a PDF for people to read; audited as portfolio.exported. */
export const exportPortfolioPdf = async (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  options: { compress?: boolean } = {},
): Promise<{ fileName: string; bytes: Uint8Array }> => {
  const subject = await loadSubject(deps, actor, personId, 'person.readPortfolio');
  const record = await recordOf(deps, subject.trustId, subject.id);
  const bytes = await portfolioRecordPdf(
    record,
    describeAchievement(deps.catalogue),
    (code) => itemLabel(deps.catalogue, code).text,
    options,
  );
  await recordExport(deps, actor, subject.trustId, subject.id, 'pdf');
  return { fileName: 'portfolio.pdf', bytes };
};

/** An achievement in words, from its stored details. */
export const describeAchievement =
  (catalogue: Catalogue) =>
  (details: Record<string, unknown>): string => {
    const parsed = AchievementDetails.safeParse(details);
    if (!parsed.success) return 'Achievement';
    const d = parsed.data;
    switch (d.kind) {
      case 'qualification':
        return d.qualificationId
          ? catalogue.title(d.qualificationId)
          : `${d.title ?? 'Qualification'}${d.level ? ` (level ${d.level})` : ''}`;
      case 'unit':
        return `${d.title} (unit, level ${d.level}, ${d.credits} credits)`;
      case 'subject':
        return `${d.subject === 'maths' ? 'Maths' : d.subject === 'english' ? 'English' : 'Science'}: ${catalogue.gradeScheme(d.scheme)?.title ?? d.scheme} grade ${d.grade}`;
      case 'degree':
        return `${d.title ?? d.degree}${d.subject ? ` in ${d.subject}` : ''} (level ${d.level}, ${d.credits} credits)`;
      case 'status':
        return `${catalogue.title(d.status)} (awarded ${d.awardedOn})`;
    }
  };
