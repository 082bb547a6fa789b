import type { Kysely } from 'kysely';
import type { AuditAction } from '../../contracts/audit-actions.ts';
import { AppError } from '../../contracts/errors.ts';
import { ACHIEVEMENT_LIMITS, AchievementInput, PersonFlagsInput } from '../../contracts/portfolio/achievement.ts';
import { detailsFromZod } from '../../contracts/zod-issues.ts';
import { checkAchievement } from '../../domain/achievement-check.ts';
import { creditSummary } from '../../domain/credits.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { can } from '../../domain/policy/can.ts';
import { portfolioState } from '../../domain/portfolio-state.ts';
import { achievements, type StoredAchievement } from '../../store/achievements.ts';
import { audit } from '../../store/audit.ts';
import type { ProgressionSubject } from '../../store/duty-profiles.ts';
import type { Tables } from '../../store/tables.ts';
import { loadSubject } from '../progression/stored-person.ts';
import { newIdOf, type PortfolioDeps } from './deps.ts';

/**
 * A person's achievements: listed by whoever may read their portfolio, added and removed by the
 * person themselves (person.editPortfolio) or by an admin recording for them (person.update).
 * Removal keeps the row; every change is audited.
 */

export type Flags = { ehcpOrStatement: boolean; bsl: boolean };
export type CreditLine = ReturnType<typeof creditSummary>[number];

export type PersonAchievements = {
  person: { id: string; name: string; trustId: string; organisationId: string };
  achievements: StoredAchievement[];
  flags: Flags;
  credits: CreditLine[];
  /** What the asking user may do here: change achievements and flags, award HLTA status. */
  can: { edit: boolean; award: boolean };
};

const userOf = (actor: Actor | Anonymous): Actor => {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in to continue');
  return actor;
};

/** Loads the person and authorizes a change: the person themselves edit their portfolio, anyone else must be allowed to update them. */
/** The person edits their own achievements; anyone else records them for the person as an admin. */
const changeActionFor = (actor: Actor | Anonymous, personId: string) =>
  actor.kind === 'user' && actor.personId === personId ? 'person.editPortfolio' : 'person.update';

export const loadForChange = async (deps: PortfolioDeps, actor: Actor | Anonymous, personId: string): Promise<ProgressionSubject> =>
  loadSubject(deps, actor, personId, changeActionFor(actor, personId));

const personOf = (s: ProgressionSubject) => ({ id: s.id, name: s.name, trustId: s.trustId, organisationId: s.organisationId });

/**
 * Stores an achievement (or a status award) with its audit event on the person, in the caller's
 * transaction; `facts` adds what the award was based on.
 */
export const insertAudited = async (
  trx: Kysely<Tables>,
  deps: PortfolioDeps,
  user: Actor,
  stored: StoredAchievement,
  event: { action: AuditAction; facts?: Record<string, unknown> },
): Promise<void> => {
  await achievements(trx).insert(stored);
  await audit(trx, deps.auditKey).record({
    trustId: stored.trustId,
    actor: user.userId,
    action: event.action,
    entity: 'person',
    entityId: stored.personId,
    data: { achievementId: stored.id, before: null, after: stored.details, ...event.facts },
    requestId: deps.requestId ?? null,
  });
};

/** Stamps an achievement (or a status award) removed, keeping the row, with its audit event, in the caller's transaction. */
export const removeAudited = async (
  trx: Kysely<Tables>,
  deps: PortfolioDeps,
  user: Actor,
  existing: StoredAchievement,
  action: AuditAction,
): Promise<void> => {
  await achievements(trx).remove(existing.trustId, existing.personId, existing.id, user.userId, deps.clock());
  await audit(trx, deps.auditKey).record({
    trustId: existing.trustId,
    actor: user.userId,
    action,
    entity: 'person',
    entityId: existing.personId,
    data: { achievementId: existing.id, before: existing.details, after: null },
    requestId: deps.requestId ?? null,
  });
};

/** A person's current achievements, flags and credit totals per level (person.readPortfolio). */
export const listAchievements = async (deps: PortfolioDeps, actor: Actor | Anonymous, personId: string): Promise<PersonAchievements> => {
  const subject = await loadSubject(deps, actor, personId, 'person.readPortfolio');
  const store = achievements(deps.db);
  const held = await store.listFor(subject.trustId, subject.id);
  const flags = await store.flags(subject.trustId, subject.id);
  const { state } = portfolioState({ achievements: held.map((a) => a.details), flags, judgements: [] });
  const resource = { type: 'person', trustId: subject.trustId, organisationId: subject.organisationId, personId: subject.id } as const;
  return {
    person: personOf(subject),
    achievements: held,
    flags,
    credits: creditSummary(state, deps.catalogue),
    can: {
      edit: can(actor, changeActionFor(actor, subject.id), resource).allowed,
      award: can(actor, 'person.awardHltaStatus', resource).allowed,
    },
  };
};

/** Records an achievement for a person; `input` is checked by the contract and against the catalogue. */
export const addAchievement = async (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  input: unknown,
): Promise<StoredAchievement> => {
  const subject = await loadForChange(deps, actor, personId);
  const user = userOf(actor);
  const parsed = AchievementInput.safeParse(input);
  if (!parsed.success) throw new AppError('validation', 'Check the achievement', detailsFromZod(parsed.error));
  const problems = checkAchievement(parsed.data, deps.catalogue);
  if (problems.length > 0) throw new AppError('validation', 'Check the achievement', problems);
  const stored: StoredAchievement = {
    id: newIdOf(deps),
    trustId: subject.trustId,
    personId: subject.id,
    details: parsed.data,
    recordedBy: user.userId,
    recordedAt: deps.clock(),
  };
  await deps.db.transaction().execute(async (trx) => {
    const held = await achievements(trx).listFor(subject.trustId, subject.id);
    if (held.length >= ACHIEVEMENT_LIMITS.perPerson)
      throw new AppError('conflict', `A person can hold at most ${ACHIEVEMENT_LIMITS.perPerson} achievements`);
    await insertAudited(trx, deps, user, stored, { action: 'achievement.added' });
  });
  return stored;
};

/** Removes an achievement (the row is kept, stamped removed). Statuses are revoked, not removed. */
export const removeAchievement = async (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  achievementId: string,
): Promise<void> => {
  const subject = await loadForChange(deps, actor, personId);
  const user = userOf(actor);
  await deps.db.transaction().execute(async (trx) => {
    const existing = (await achievements(trx).listFor(subject.trustId, subject.id)).find((a) => a.id === achievementId);
    if (!existing)
      throw new AppError('not_found', 'No achievement has that id for this person', [{ where: 'achievementId', reason: 'unknown' }]);
    if (existing.details.kind === 'status' && existing.details.statusKind !== 'external-assessment')
      throw new AppError('conflict', 'A status is revoked by the headteacher, not removed');
    await removeAudited(trx, deps, user, existing, 'achievement.removed');
  });
};

/** Records the EHCP-or-statement and BSL flags read by the apprenticeship English and maths rule. */
export const setFlags = async (deps: PortfolioDeps, actor: Actor | Anonymous, personId: string, input: unknown): Promise<Flags> => {
  const subject = await loadForChange(deps, actor, personId);
  const user = userOf(actor);
  const parsed = PersonFlagsInput.safeParse(input);
  if (!parsed.success) throw new AppError('validation', 'Check the flags', detailsFromZod(parsed.error));
  const after = parsed.data;
  await deps.db.transaction().execute(async (trx) => {
    const before = await achievements(trx).flags(subject.trustId, subject.id);
    if (before.ehcpOrStatement === after.ehcpOrStatement && before.bsl === after.bsl) return;
    await achievements(trx).setFlags(subject.trustId, subject.id, after, deps.clock());
    await audit(trx, deps.auditKey).record({
      trustId: subject.trustId,
      actor: user.userId,
      action: 'person.flagsChanged',
      entity: 'person',
      entityId: subject.id,
      data: { before, after },
      requestId: deps.requestId ?? null,
    });
  });
  return after;
};
