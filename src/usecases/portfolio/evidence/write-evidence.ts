import { AppError } from '../../../contracts/errors.ts';
import { EvidenceInput } from '../../../contracts/portfolio/evidence.ts';
import { canEditContent, reviseClaims, unknownCodes } from '../../../domain/evidence/workflow.ts';
import type { Actor, Anonymous } from '../../../domain/policy/actor.ts';
import { schoolDateOf } from '../../../domain/school-date.ts';
import { audit } from '../../../store/audit.ts';
import { evidence, type StoredEvidence } from '../../../store/evidence.ts';
import { loadSubject } from '../../progression/stored-person.ts';
import { newIdOf, type PortfolioDeps } from '../deps.ts';
import { loadEvidence, userOf } from './evidence-access.ts';

/** Details named by form field (`title`, `claims`), so the web form can show each next to its field. */
export const fieldDetails = (issues: readonly { path: readonly PropertyKey[]; message: string }[]) =>
  issues.map((issue) => ({ where: issue.path.map(String).join('.') || 'evidence', reason: issue.message }));

const isoToday = schoolDateOf;

/** Parses the input and checks what zod cannot: item codes against the catalogue, the date against the clock. */
const checkedInput = (deps: PortfolioDeps, raw: unknown): EvidenceInput => {
  const parsed = EvidenceInput.safeParse(raw);
  if (!parsed.success) throw new AppError('validation', 'Check the evidence', fieldDetails(parsed.error.issues));
  const input = parsed.data;
  const details = unknownCodes(input, (code) => deps.catalogue.item(code) !== undefined).map((code) => ({
    where: 'claims',
    reason: `${code} is not a competency item in the framework`,
  }));
  if (input.occurredOn > isoToday(deps.clock())) details.push({ where: 'occurredOn', reason: 'The date must be today or in the past' });
  if (details.length > 0) throw new AppError('validation', 'Check the evidence', details);
  return input;
};

const snapshot = (e: Pick<StoredEvidence, 'kind' | 'title' | 'occurredOn' | 'claims'>) => ({
  kind: e.kind,
  title: e.title,
  occurredOn: e.occurredOn,
  claims: e.claims.map((c) => `${c.itemCode}:${c.status}`),
});

/** Starts a draft piece of evidence; only the person themselves writes their evidence. */
export const createEvidence = async (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  raw: unknown,
): Promise<StoredEvidence> => {
  const subject = await loadSubject(deps, actor, personId, 'person.editPortfolio');
  const user = userOf(actor);
  const input = checkedInput(deps, raw);
  const id = newIdOf(deps);
  const now = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    const store = evidence(trx);
    await store.insert({
      id,
      trustId: subject.trustId,
      personId: subject.id,
      kind: input.kind,
      title: input.title,
      occurredOn: input.occurredOn,
      body: input.body,
      createdBy: user.userId,
      createdAt: now,
      updatedAt: now,
    });
    const claims = input.claims.map((itemCode) => ({
      itemCode,
      status: 'claimed' as const,
      feedback: null,
      decidedBy: null,
      decidedAt: null,
    }));
    await store.writeClaims(subject.trustId, id, claims, () => newIdOf(deps));
    await audit(trx, deps.auditKey).record({
      trustId: subject.trustId,
      actor: user.userId,
      action: 'evidence.created',
      entity: 'evidence',
      entityId: id,
      data: { before: null, after: { ...snapshot({ ...input, claims }), personId: subject.id } },
      requestId: deps.requestId ?? null,
    });
  });
  const created = await evidence(deps.db).find(subject.trustId, id);
  if (!created) throw new AppError('internal', 'The evidence was not saved');
  return created;
};

/**
 * Changes a draft, or evidence with returned claims: accepted claims are kept whatever the form says,
 * because a judgement rests on them.
 */
export const updateEvidence = async (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  evidenceId: string,
  raw: unknown,
): Promise<StoredEvidence> => {
  const { subject, item } = await loadEvidence(deps, actor, personId, evidenceId, 'person.editPortfolio');
  const user = userOf(actor);
  const input = checkedInput(deps, raw);
  const editable = canEditContent(item);
  if (!editable.ok) throw new AppError('conflict', 'This evidence cannot be changed now', editable.errors);
  const revised = reviseClaims(item, input.claims);
  if (!revised.ok) throw new AppError('conflict', 'This evidence cannot be changed now', revised.errors);
  const previous = new Map(item.claims.map((c) => [c.itemCode, c]));
  const claims = revised.value.map((c) => {
    const before = previous.get(c.itemCode);
    return before && before.status === c.status ? before : { ...c, decidedBy: null, decidedAt: null };
  });
  await deps.db.transaction().execute(async (trx) => {
    const store = evidence(trx);
    await store.updateContent(subject.trustId, item.id, { ...input, updatedAt: deps.clock() });
    await store.writeClaims(subject.trustId, item.id, claims, () => newIdOf(deps));
    await audit(trx, deps.auditKey).record({
      trustId: subject.trustId,
      actor: user.userId,
      action: 'evidence.updated',
      entity: 'evidence',
      entityId: item.id,
      data: { before: snapshot(item), after: snapshot({ ...input, claims }) },
      requestId: deps.requestId ?? null,
    });
  });
  const updated = await evidence(deps.db).find(subject.trustId, item.id);
  if (!updated) throw new AppError('internal', 'The evidence was not saved');
  return updated;
};

/** Deletes a draft (kept in the table as removed); submitted or decided evidence is never deleted. */
export const deleteDraft = async (deps: PortfolioDeps, actor: Actor | Anonymous, personId: string, evidenceId: string): Promise<void> => {
  const { subject, item } = await loadEvidence(deps, actor, personId, evidenceId, 'person.editPortfolio');
  const user = userOf(actor);
  if (item.status !== 'draft') throw new AppError('conflict', 'Only a draft can be deleted', [{ where: 'status', reason: item.status }]);
  await deps.db.transaction().execute(async (trx) => {
    await evidence(trx).remove(subject.trustId, item.id, deps.clock());
    await audit(trx, deps.auditKey).record({
      trustId: subject.trustId,
      actor: user.userId,
      action: 'evidence.deleted',
      entity: 'evidence',
      entityId: item.id,
      data: { before: snapshot(item), after: null },
      requestId: deps.requestId ?? null,
    });
  });
};
