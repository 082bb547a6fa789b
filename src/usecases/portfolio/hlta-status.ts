import { AppError } from '../../contracts/errors.ts';
import { HltaAwardInput, HltaExternalStatusInput } from '../../contracts/portfolio/achievement.ts';
import { detailsFromZod } from '../../contracts/zod-issues.ts';
import { headteacherStatuses, statusBacking } from '../../domain/hlta-award.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { schoolDateOf } from '../../domain/school-date.ts';
import { itemLabel } from '../../framework/item-label.ts';
import type { Status, StatusKind } from '../../framework/schema.ts';
import { Phase } from '../../framework/schema.ts';
import { achievements, type StoredAchievement } from '../../store/achievements.ts';
import type { ProgressionSubject } from '../../store/duty-profiles.ts';
import { judgements } from '../../store/judgements.ts';
import { loadSubject } from '../progression/stored-person.ts';
import { insertAudited, loadForChange, removeAudited } from './achievements.ts';
import { newIdOf, type PortfolioDeps } from './deps.ts';
import { notify } from './notify.ts';

/**
 * HLTA status is held in two ways. School recognition: the headteacher of the person's school decides
 * that they meet the standards and are competent for the HLTA role in that school, with a date, and
 * only when the judgements back it (every standard its award rule names judged met). External HLTA
 * status: awarded after assessment by a regional provider of the HLTA National Assessment Partnership,
 * recorded by the person (or an admin for them) with the provider, the assessment date and optionally
 * the certificate (an attachment on the record).
 */

export type HltaStanding = {
  status: Status;
  /** The school's recognition (the headteacher's award), if the person holds it. */
  award: StoredAchievement | undefined;
  /** HLTA status from external assessment, if recorded. */
  external: StoredAchievement | undefined;
  required: string[];
  met: string[];
  notMet: string[];
};

const statusOf = (deps: PortfolioDeps): Status => {
  const status = headteacherStatuses(deps.catalogue)[0];
  if (!status) throw new AppError('not_found', 'The framework has no status a headteacher awards');
  return status;
};

const phaseOf = (subject: ProgressionSubject) => {
  const parsed = Phase.safeParse(subject.phase);
  return parsed.success ? parsed.data : 'other';
};

const todayOf = schoolDateOf;

/** The person's standing towards HLTA status (read with the portfolio, so callers authorize first). */
export const hltaStanding = async (deps: PortfolioDeps, subject: ProgressionSubject): Promise<HltaStanding> => {
  const status = statusOf(deps);
  const held = await achievements(deps.db).listFor(subject.trustId, subject.id);
  const ofKind = (kind: StatusKind) =>
    held.find(
      (a) => a.details.kind === 'status' && a.details.status === status.id && (a.details.statusKind ?? 'school-recognition') === kind,
    );
  const current = await judgements(deps.db).current(subject.trustId, subject.id);
  return {
    status,
    award: ofKind('school-recognition'),
    external: ofKind('external-assessment'),
    ...statusBacking(status.id, current, deps.catalogue, phaseOf(subject)),
  };
};

/** Awards HLTA status (person.awardHltaStatus: the headteacher of the person's school). */
export const awardHltaStatus = async (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  input: unknown,
): Promise<StoredAchievement> => {
  const subject = await loadSubject(deps, actor, personId, 'person.awardHltaStatus');
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in to continue');
  const parsed = HltaAwardInput.safeParse(input);
  if (!parsed.success) throw new AppError('validation', 'Check the date of the award', detailsFromZod(parsed.error));
  const now = deps.clock();
  if (parsed.data.awardedOn > todayOf(now))
    throw new AppError('validation', 'Check the date of the award', [{ where: 'awardedOn', reason: 'the date cannot be in the future' }]);
  const standing = await hltaStanding(deps, subject);
  if (standing.award) throw new AppError('conflict', `${subject.name} already holds ${standing.status.title}`);
  if (standing.notMet.length > 0)
    throw new AppError(
      'conflict',
      `${standing.status.title} needs every standard judged met: ${standing.met.length} of ${standing.required.length} are`,
      standing.notMet.map((code) => ({ where: code, reason: `${itemLabel(deps.catalogue, code).text} is not judged met` })),
    );
  const stored: StoredAchievement = {
    id: newIdOf(deps),
    trustId: subject.trustId,
    personId: subject.id,
    details: { kind: 'status', status: standing.status.id, awardedOn: parsed.data.awardedOn, statusKind: 'school-recognition' },
    recordedBy: actor.userId,
    recordedAt: now,
  };
  await deps.db.transaction().execute(async (trx) => {
    await insertAudited(trx, deps, actor, stored, { action: 'hltaStatus.awarded', facts: { standardsMet: standing.met.length } });
    await notify(deps, trx, {
      trustId: subject.trustId,
      to: { personId: subject.id },
      kind: 'hltaStatus.awarded',
      message: `You have been awarded ${standing.status.title} from ${parsed.data.awardedOn}`,
      href: `/people/${subject.id}/portfolio/achievements`,
    });
  });
  return stored;
};

/**
 * Records HLTA status gained by external assessment (the person, or an admin for them): the provider,
 * the assessment and award dates, the certificate number if known. The certificate file is attached
 * to the record afterwards like any achievement's. Audited as `hltaStatus.externalRecorded`.
 */
export const recordExternalHltaStatus = async (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  input: unknown,
): Promise<StoredAchievement> => {
  const subject = await loadForChange(deps, actor, personId);
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in to continue');
  const parsed = HltaExternalStatusInput.safeParse(input);
  if (!parsed.success) throw new AppError('validation', 'Check the HLTA status details', detailsFromZod(parsed.error));
  const now = deps.clock();
  const future = (['assessedOn', 'awardedOn'] as const).filter((field) => parsed.data[field] > todayOf(now));
  if (future.length > 0)
    throw new AppError(
      'validation',
      'Check the HLTA status details',
      future.map((where) => ({ where, reason: 'the date cannot be in the future' })),
    );
  const standing = await hltaStanding(deps, subject);
  if (standing.external)
    throw new AppError('conflict', `${subject.name} already has ${standing.status.title} from external assessment recorded`);
  const { provider, assessedOn, awardedOn, certificateNumber } = parsed.data;
  const stored: StoredAchievement = {
    id: newIdOf(deps),
    trustId: subject.trustId,
    personId: subject.id,
    details: {
      kind: 'status',
      status: standing.status.id,
      awardedOn,
      statusKind: 'external-assessment',
      provider,
      assessedOn,
      ...(certificateNumber ? { certificateNumber } : {}),
    },
    recordedBy: actor.userId,
    recordedAt: now,
  };
  await deps.db.transaction().execute(async (trx) => {
    await insertAudited(trx, deps, actor, stored, { action: 'hltaStatus.externalRecorded', facts: { provider } });
  });
  return stored;
};

/** Revokes the school's recognition of HLTA status (the headteacher); the award row is kept, stamped removed. */
export const revokeHltaStatus = async (deps: PortfolioDeps, actor: Actor | Anonymous, personId: string): Promise<void> => {
  const subject = await loadSubject(deps, actor, personId, 'person.awardHltaStatus');
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in to continue');
  const standing = await hltaStanding(deps, subject);
  const award = standing.award;
  if (!award) throw new AppError('conflict', `${subject.name} does not hold ${standing.status.title}`);
  await deps.db.transaction().execute(async (trx) => {
    await removeAudited(trx, deps, actor, award, 'hltaStatus.revoked');
  });
};

/** The person's standing towards HLTA status, for whoever may read their portfolio. */
export const readHltaStanding = async (deps: PortfolioDeps, actor: Actor | Anonymous, personId: string): Promise<HltaStanding> =>
  hltaStanding(deps, await loadSubject(deps, actor, personId, 'person.readPortfolio'));
