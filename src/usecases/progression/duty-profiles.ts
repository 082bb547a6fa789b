import { AppError } from '../../contracts/errors.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { audit } from '../../store/audit.ts';
import { dutyProfiles, type StoredDutyProfile } from '../../store/duty-profiles.ts';
import type { ProgressionDeps } from './deps.ts';
import { checkDutyProfile } from './explore.ts';
import { loadSubject } from './stored-person.ts';

/**
 * Duty profiles are stored per person with their history: the person self-assesses (or their line
 * manager records it), and the line manager confirms. Each save is a new row.
 */

/** Saves a new self-assessed duty profile for a person: by the person themselves or their line manager. */
export const saveDutyProfile = async (
  deps: ProgressionDeps,
  actor: Actor | Anonymous,
  personId: string,
  input: unknown,
): Promise<StoredDutyProfile> => {
  const self = actor.kind === 'user' && actor.personId === personId;
  const subject = await loadSubject(deps, actor, personId, self ? 'person.readPortfolio' : 'person.decideEvidence');
  const user = actor.kind === 'user' ? actor : undefined;
  if (!user) throw new AppError('unauthenticated', 'Sign in to continue');
  const profile = checkDutyProfile(input, deps.catalogue, '$');
  const stored = {
    id: (deps.newId ?? (() => crypto.randomUUID()))(),
    trustId: subject.trustId,
    personId: subject.id,
    currentRole: profile.currentRole,
    duties: profile.duties,
    recordedBy: user.userId,
    recordedAt: deps.clock(),
  };
  await deps.db.transaction().execute(async (trx) => {
    const previous = (await dutyProfiles(trx).history(subject.trustId, subject.id))[0];
    await dutyProfiles(trx).insert(stored);
    await audit(trx, deps.auditKey).record({
      trustId: subject.trustId,
      actor: user.userId,
      action: 'dutyProfile.saved',
      entity: 'person',
      entityId: subject.id,
      data: {
        dutyProfileId: stored.id,
        before: previous ? { currentRole: previous.currentRole, duties: previous.duties, status: previous.status } : null,
        after: { currentRole: stored.currentRole, duties: stored.duties, status: 'self-assessed' },
      },
      requestId: deps.requestId ?? null,
    });
  });
  return { ...stored, status: 'self-assessed', confirmedBy: null, confirmedAt: null };
};

/** The line manager confirms a duty profile (`person.decideEvidence` on the person). */
export const confirmDutyProfile = async (
  deps: ProgressionDeps,
  actor: Actor | Anonymous,
  personId: string,
  dutyProfileId: string,
): Promise<StoredDutyProfile> => {
  const subject = await loadSubject(deps, actor, personId, 'person.decideEvidence');
  const user = actor.kind === 'user' ? actor : undefined;
  if (!user) throw new AppError('unauthenticated', 'Sign in to continue');
  const existing = /^[0-9a-f-]{36}$/i.test(dutyProfileId) ? await dutyProfiles(deps.db).find(subject.trustId, dutyProfileId) : undefined;
  if (!existing || existing.personId !== subject.id)
    throw new AppError('not_found', 'No duty profile has that id for this person', [{ where: 'dutyProfileId', reason: 'unknown' }]);
  if (existing.status === 'confirmed') throw new AppError('conflict', 'This duty profile is already confirmed');
  const at = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    await dutyProfiles(trx).confirm(subject.trustId, existing.id, user.userId, at);
    await audit(trx, deps.auditKey).record({
      trustId: subject.trustId,
      actor: user.userId,
      action: 'dutyProfile.confirmed',
      entity: 'person',
      entityId: subject.id,
      data: { dutyProfileId: existing.id, before: { status: existing.status }, after: { status: 'confirmed', confirmedBy: user.userId } },
      requestId: deps.requestId ?? null,
    });
  });
  return { ...existing, status: 'confirmed', confirmedBy: user.userId, confirmedAt: at };
};

/** A person's duty profiles, newest first. */
export const listDutyProfiles = async (deps: ProgressionDeps, actor: Actor | Anonymous, personId: string): Promise<StoredDutyProfile[]> => {
  const subject = await loadSubject(deps, actor, personId, 'person.readPortfolio');
  return dutyProfiles(deps.db).history(subject.trustId, subject.id);
};
