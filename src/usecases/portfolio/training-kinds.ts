import type { Kysely } from 'kysely';
import { AppError } from '../../contracts/errors.ts';
import type { NewTrainingKind, TrainingKindChange } from '../../contracts/portfolio/training.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { defaultTrainingKinds } from '../../domain/training/default-training-kinds.ts';
import { audit } from '../../store/audit.ts';
import { directory } from '../../store/directory.ts';
import type { Tables } from '../../store/tables.ts';
import { type TrainingKind, training } from '../../store/training.ts';
import { authorize } from '../authorize.ts';
import { newIdOf, type PortfolioDeps } from './deps.ts';

type KindsDeps = Pick<PortfolioDeps, 'db' | 'auditKey' | 'clock' | 'requestId' | 'newId'>;

/**
 * Gives a trust the default training kinds it does not have yet (by code), so calling it again — or
 * from two requests at once — adds nothing: the (trust, code) key decides. A kind the trust retired
 * stays retired. Each default actually added is audited as added by the system.
 */
export const ensureTrainingKinds = async (
  trx: Kysely<Tables>,
  trustId: string,
  options: { auditKey: Uint8Array; newId?: () => string; requestId?: string | null },
): Promise<TrainingKind[]> => {
  const store = training(trx);
  const existing = await store.kinds(trustId);
  const have = new Set(existing.map((k) => k.code));
  const missing = defaultTrainingKinds.filter((k) => !have.has(k.code));
  if (missing.length === 0) return existing;
  const rows = missing.map((k) => ({
    id: newIdOf(options),
    trustId,
    code: k.code,
    title: k.title,
    validityMonths: k.validityMonths,
    appliesTo: k.appliesTo,
    position: defaultTrainingKinds.indexOf(k),
  }));
  const added = new Set(await store.insertKindsIfAbsent(rows));
  await audit(trx, options.auditKey).record(
    ...rows
      .filter((r) => added.has(r.code))
      .map((r) => ({
        trustId,
        actor: 'system',
        action: 'trainingKind.added' as const,
        entity: 'training_kind',
        entityId: r.id,
        data: {
          after: { code: r.code, title: r.title, validityMonths: r.validityMonths, appliesTo: r.appliesTo },
          reason: 'Pathways default',
        },
        requestId: options.requestId ?? null,
      })),
  );
  return store.kinds(trustId);
};

/** The organisation in the path, after checking the actor may use the action on it; unknown ids are not found. */
export const authorizeOnOrganisation = async (
  deps: Pick<KindsDeps, 'db' | 'auditKey' | 'requestId'>,
  actor: Actor | Anonymous,
  organisationId: string,
  action: 'organisation.manageTraining' | 'organisation.readTraining',
) => {
  const organisation = /^[0-9a-f-]{36}$/i.test(organisationId) ? await directory(deps.db).findOrganisation(organisationId) : undefined;
  if (!organisation) {
    if (actor.kind === 'anonymous') throw new AppError('unauthenticated', 'Sign in to continue');
    throw new AppError('not_found', 'There is no such organisation');
  }
  await authorize(deps, actor, action, { type: 'organisation', trustId: organisation.trust_id, organisationId: organisation.id });
  return organisation;
};

const userOf = (actor: Actor | Anonymous) => {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated', 'Sign in to continue');
  return actor.userId;
};

/** The trust's kinds (defaults created on first use), for its training settings page. */
export const trainingKindsOf = async (deps: KindsDeps, actor: Actor | Anonymous, organisationId: string) => {
  const organisation = await authorizeOnOrganisation(deps, actor, organisationId, 'organisation.manageTraining');
  const kinds = await deps.db.transaction().execute((trx) => ensureTrainingKinds(trx, organisation.trust_id, deps));
  const sources = new Map(defaultTrainingKinds.map((k) => [k.code, k]));
  return {
    organisation,
    kinds: kinds.map((k) => ({ ...k, source: sources.get(k.code)?.source ?? null, note: sources.get(k.code)?.note ?? null })),
  };
};

const kindSnapshot = (k: TrainingKind) => ({
  code: k.code,
  title: k.title,
  validityMonths: k.validityMonths,
  appliesTo: k.appliesTo,
  retired: k.retiredAt !== null,
});

const changeKind = async (
  deps: KindsDeps,
  actor: Actor | Anonymous,
  organisationId: string,
  kindId: string,
  action: 'trainingKind.updated' | 'trainingKind.retired',
  change: (kind: TrainingKind) => Parameters<ReturnType<typeof training>['updateKind']>[2],
) => {
  const organisation = await authorizeOnOrganisation(deps, actor, organisationId, 'organisation.manageTraining');
  const userId = userOf(actor);
  const trustId = organisation.trust_id;
  return deps.db.transaction().execute(async (trx) => {
    const store = training(trx);
    const before = /^[0-9a-f-]{36}$/i.test(kindId) ? await store.findKind(trustId, kindId) : undefined;
    if (!before) throw new AppError('not_found', 'There is no such training kind', [{ where: 'kindId', reason: `unknown kind ${kindId}` }]);
    await store.updateKind(trustId, kindId, change(before));
    const after = (await store.findKind(trustId, kindId)) ?? before;
    await audit(trx, deps.auditKey).record({
      trustId,
      actor: userId,
      action,
      entity: 'training_kind',
      entityId: kindId,
      data: { before: kindSnapshot(before), after: kindSnapshot(after) },
      requestId: deps.requestId ?? null,
      occurredAt: deps.clock(),
    });
    return after;
  });
};

/** The trust admin changes a kind's validity period (and optionally its title or who needs it). */
export const updateTrainingKind = (
  deps: KindsDeps,
  actor: Actor | Anonymous,
  organisationId: string,
  kindId: string,
  input: TrainingKindChange,
) =>
  changeKind(deps, actor, organisationId, kindId, 'trainingKind.updated', () => ({
    validityMonths: input.validityMonths,
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.appliesTo !== undefined ? { appliesTo: input.appliesTo } : {}),
  }));

/** The trust admin retires a kind (records stay; the kind no longer appears as required), or brings it back. */
export const retireTrainingKind = (deps: KindsDeps, actor: Actor | Anonymous, organisationId: string, kindId: string, retired = true) =>
  changeKind(deps, actor, organisationId, kindId, 'trainingKind.retired', () => ({ retiredAt: retired ? deps.clock() : null }));

const slugOf = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40) || 'training';

/** The trust admin adds a kind of the trust's own. */
export const addTrainingKind = async (deps: KindsDeps, actor: Actor | Anonymous, organisationId: string, input: NewTrainingKind) => {
  const organisation = await authorizeOnOrganisation(deps, actor, organisationId, 'organisation.manageTraining');
  const userId = userOf(actor);
  const trustId = organisation.trust_id;
  return deps.db.transaction().execute(async (trx) => {
    const kinds = await ensureTrainingKinds(trx, trustId, deps);
    if (kinds.some((k) => k.title.toLowerCase() === input.title.toLowerCase()))
      throw new AppError('conflict', 'The trust already has training with that title', [{ where: 'title', reason: 'duplicate title' }]);
    const codes = new Set(kinds.map((k) => k.code));
    const base = `custom-${slugOf(input.title)}`;
    let code = base;
    for (let n = 2; codes.has(code); n++) code = `${base}-${n}`;
    const id = newIdOf(deps);
    const kind = {
      id,
      trustId,
      code,
      title: input.title,
      validityMonths: input.validityMonths,
      appliesTo: input.appliesTo,
      position: kinds.length,
    };
    await training(trx).insertKindsIfAbsent([kind]);
    await audit(trx, deps.auditKey).record({
      trustId,
      actor: userId,
      action: 'trainingKind.added',
      entity: 'training_kind',
      entityId: id,
      data: { after: { code, title: input.title, validityMonths: input.validityMonths, appliesTo: input.appliesTo } },
      requestId: deps.requestId ?? null,
      occurredAt: deps.clock(),
    });
    return id;
  });
};
