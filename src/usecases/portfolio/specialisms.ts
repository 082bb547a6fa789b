import { AppError } from '../../contracts/errors.ts';
import { SpecialismDecisionInput, type SpecialismRecord, SpecialismsInput } from '../../contracts/portfolio/specialism.ts';
import { detailsFromZod } from '../../contracts/zod-issues.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { can } from '../../domain/policy/can.ts';
import { type SpecialismChoice, specialismChanges, specialismChoices } from '../../domain/specialisms.ts';
import { audit } from '../../store/audit.ts';
import type { ProgressionSubject } from '../../store/duty-profiles.ts';
import { specialismRecords } from '../../store/specialisms.ts';
import { loadSubject } from '../progression/stored-person.ts';
import { loadForChange } from './achievements.ts';
import { newIdOf, type PortfolioDeps } from './deps.ts';
import { notify } from './notify.ts';

/**
 * Specialisms: the person (or an admin recording for them, as for achievements) records which NJC
 * specialisms they provide; each waits for the line manager, who confirms it or declines it with a
 * note. Only confirmed specialisms (and those on the employer's staff record) count for the rules.
 * Every change is audited and the other party is told.
 */

/** One specialism as the page shows it: the data's wording and where the person's record of it stands. */
export type SpecialismLine = SpecialismChoice & { current: SpecialismRecord | null };

export type PersonSpecialisms = {
  person: { id: string; name: string };
  /** Every specialism the data names, with the live record (awaiting or confirmed) if any. */
  specialisms: SpecialismLine[];
  /** Letters on the employer's staff record (HR or the staff import): they count without confirmation. */
  staffRecord: string[];
  /** Every record, newest first: the history. */
  history: SpecialismRecord[];
  /** What the asking user may do: record (tick or untick) specialisms, confirm or decline them. */
  can: { record: boolean; decide: boolean };
};

export const specialismsHref = (personId: string) => `/people/${personId}/portfolio/specialisms`;

const userOf = (actor: Actor | Anonymous): Actor => {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in to continue');
  return actor;
};

const resourceOf = (s: ProgressionSubject) =>
  ({ type: 'person', trustId: s.trustId, organisationId: s.organisationId, personId: s.id }) as const;

const isSelf = (actor: Actor | Anonymous, subject: ProgressionSubject) => actor.kind === 'user' && actor.personId === subject.id;

/** A person's specialisms, their history and what the asking user may do (person.readPortfolio). */
export const readSpecialisms = async (deps: PortfolioDeps, actor: Actor | Anonymous, personId: string): Promise<PersonSpecialisms> => {
  const subject = await loadSubject(deps, actor, personId, 'person.readPortfolio');
  const history = await specialismRecords(deps.db).list(subject.trustId, subject.id);
  const live = (letter: string) =>
    history.find((r) => r.letter === letter && (r.status === 'awaiting' || r.status === 'confirmed')) ?? null;
  const resource = resourceOf(subject);
  return {
    person: { id: subject.id, name: subject.name },
    specialisms: specialismChoices(deps.catalogue, subject.gradedRole ?? undefined).map((c) => ({ ...c, current: live(c.letter) })),
    staffRecord: subject.specialisms,
    history,
    can: {
      record: can(actor, isSelf(actor, subject) ? 'person.editPortfolio' : 'person.update', resource).allowed,
      decide: !isSelf(actor, subject) && can(actor, 'person.confirmSpecialism', resource).allowed,
    },
  };
};

/**
 * Records the set of specialisms the person provides: newly ticked letters are recorded as awaiting
 * confirmation, unticked live ones withdrawn. Returns the letters recorded and withdrawn.
 */
export const recordSpecialisms = async (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  input: unknown,
): Promise<{ recorded: string[]; withdrawn: string[] }> => {
  const subject = await loadForChange(deps, actor, personId);
  const user = userOf(actor);
  const parsed = SpecialismsInput.safeParse(input);
  if (!parsed.success) throw new AppError('validation', 'Check the specialisms', detailsFromZod(parsed.error));
  const known = new Set(specialismChoices(deps.catalogue).map((c) => c.letter));
  const unknown = parsed.data.letters.filter((l) => !known.has(l));
  if (unknown.length > 0)
    throw new AppError(
      'validation',
      'Choose specialisms from the list',
      unknown.map((l) => ({ where: 'letters', reason: `unknown specialism ${l} (known: ${[...known].join(', ')})` })),
    );
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const store = specialismRecords(trx);
    const live = await store.lockLive(subject.trustId, subject.id);
    const changes = specialismChanges(live, parsed.data.letters);
    const log = audit(trx, deps.auditKey);
    for (const letter of changes.record) {
      const id = newIdOf(deps);
      await store.insert({ id, trustId: subject.trustId, personId: subject.id, letter, recordedBy: user.userId, recordedAt: now });
      await log.record({
        trustId: subject.trustId,
        actor: user.userId,
        action: 'specialism.recorded',
        entity: 'person',
        entityId: subject.id,
        data: { specialismId: id, letter, before: null, after: { letter, status: 'awaiting' } },
        requestId: deps.requestId ?? null,
      });
    }
    const withdrawn: string[] = [];
    for (const id of changes.withdraw) {
      const row = live.find((r) => r.id === id);
      if (!row) continue;
      await store.withdraw(subject.trustId, id, user.userId, now);
      withdrawn.push(row.letter);
      await log.record({
        trustId: subject.trustId,
        actor: user.userId,
        action: 'specialism.withdrawn',
        entity: 'person',
        entityId: subject.id,
        data: { specialismId: id, letter: row.letter, before: { status: row.status }, after: { status: 'withdrawn' } },
        requestId: deps.requestId ?? null,
      });
    }
    if (changes.record.length > 0 && subject.lineManagerId && subject.lineManagerId !== user.personId)
      await notify(deps, trx, {
        trustId: subject.trustId,
        to: { personId: subject.lineManagerId },
        kind: 'specialism.recorded',
        message: `${subject.name} recorded ${changes.record.length === 1 ? 'a specialism' : 'specialisms'} for you to confirm: ${changes.record.join(', ')}`,
        href: specialismsHref(subject.id),
      });
    return { recorded: changes.record, withdrawn: withdrawn.sort() };
  });
};

/** The line manager confirms or declines (with a note) one specialism that awaits confirmation. Nobody confirms their own. */
export const decideSpecialism = async (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  specialismId: string,
  input: unknown,
): Promise<SpecialismRecord> => {
  const subject = await loadSubject(deps, actor, personId, 'person.confirmSpecialism');
  const user = userOf(actor);
  if (isSelf(actor, subject)) throw new AppError('forbidden', 'You cannot confirm your own specialism');
  const parsed = SpecialismDecisionInput.safeParse(input);
  if (!parsed.success) throw new AppError('validation', 'Check the decision', detailsFromZod(parsed.error));
  const status = parsed.data.decision === 'confirm' ? 'confirmed' : 'declined';
  const note = parsed.data.note && parsed.data.note.length > 0 ? parsed.data.note : null;
  const now = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    const store = specialismRecords(trx);
    const existing = (await store.list(subject.trustId, subject.id)).find((r) => r.id === specialismId);
    if (!existing)
      throw new AppError('not_found', 'No specialism has that id for this person', [{ where: 'specialismId', reason: 'unknown' }]);
    if (!(await store.decide(subject.trustId, subject.id, specialismId, { status, by: user.userId, at: now, note })))
      throw new AppError('conflict', 'This specialism is not waiting for confirmation');
    await audit(trx, deps.auditKey).record({
      trustId: subject.trustId,
      actor: user.userId,
      action: status === 'confirmed' ? 'specialism.confirmed' : 'specialism.declined',
      entity: 'person',
      entityId: subject.id,
      data: { specialismId, letter: existing.letter, before: { status: 'awaiting' }, after: { status, note } },
      requestId: deps.requestId ?? null,
    });
    await notify(deps, trx, {
      trustId: subject.trustId,
      to: { personId: subject.id },
      kind: `specialism.${status}`,
      message: `Your specialism ${existing.letter} was ${status}${note ? `: ${note}` : ''}`,
      href: specialismsHref(subject.id),
    });
  });
  const decided = (await specialismRecords(deps.db).list(subject.trustId, subject.id)).find((r) => r.id === specialismId);
  if (!decided) throw new AppError('internal', 'The decided specialism could not be read back');
  return decided;
};
