import { AppError } from '../../contracts/errors.ts';
import type { SchoolInput } from '../../contracts/organisations.ts';
import type { Action } from '../../domain/policy/actions.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { can } from '../../domain/policy/can.ts';
import { audit } from '../../store/audit.ts';
import { directory } from '../../store/directory.ts';
import { organisations } from '../../store/organisations.ts';
import type { OrganisationRow } from '../../store/tables.ts';
import { type AuthorizeDeps, authorize } from '../authorize.ts';
import { signedInUser } from '../people/scope.ts';

export type OrganisationDeps = AuthorizeDeps & { clock: () => Date; newId?: () => string };

const actorName = (actor: Actor) => actor.userId;

const findOrRefuse = async (deps: AuthorizeDeps, actor: Actor | Anonymous, id: string): Promise<OrganisationRow> => {
  const organisation = await directory(deps.db).findOrganisation(id);
  if (organisation) return organisation;
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated', 'Sign in to continue');
  throw new AppError('not_found', 'There is no such organisation');
};

const resourceOf = (o: OrganisationRow) => ({ type: 'organisation', trustId: o.trust_id, organisationId: o.id }) as const;

/** An organisation: a trust with its schools, or a school with its details and staff count. */
export const showOrganisation = async (deps: AuthorizeDeps, actor: Actor | Anonymous, id: string) => {
  const organisation = await findOrRefuse(deps, actor, id);
  await authorize(deps, actor, 'organisation.read', resourceOf(organisation));
  const store = directory(deps.db);
  const here = resourceOf(organisation);
  const allowed = (action: Action) => can(actor, action, here).allowed;
  // What the page may offer: no link to a form or list the user would be refused.
  const abilities = {
    update: allowed('organisation.update'),
    createSchool: organisation.kind === 'trust' && allowed('organisation.createSchool'),
    readTraining: allowed('organisation.readTraining'),
    manageTraining: allowed('organisation.manageTraining'),
    readStaff: can(actor, 'person.read', { ...here, type: 'person', personId: 'all' }).allowed,
  };
  if (organisation.kind === 'trust') {
    const schools = await store.listSchools(organisation.id);
    const counts = await Promise.all(schools.map((s) => store.staffCount(s.id)));
    return {
      organisation,
      trust: organisation,
      schools: schools.map((s, i) => ({ ...s, staffCount: counts[i] ?? 0 })),
      staffCount: null,
      can: abilities,
    };
  }
  const trust = (await store.findOrganisation(organisation.trust_id)) ?? null;
  return { organisation, trust, schools: [], staffCount: await store.staffCount(organisation.id), can: abilities };
};

/** May the actor change this organisation? For pages that offer the form before it is sent. */
export const authorizeOrganisationChange = async (
  deps: AuthorizeDeps,
  actor: Actor | Anonymous,
  id: string,
  change: 'update' | 'createSchool',
) => {
  const organisation = await findOrRefuse(deps, actor, id);
  await authorize(deps, actor, change === 'update' ? 'organisation.update' : 'organisation.createSchool', resourceOf(organisation));
  return organisation;
};

/** A trust admin adds a school to their trust. */
export const createSchool = async (deps: OrganisationDeps, actor: Actor | Anonymous, trustId: string, input: SchoolInput) => {
  const trust = await authorizeOrganisationChange(deps, actor, trustId, 'createSchool');
  if (trust.kind !== 'trust') throw new AppError('validation', 'Schools are added to a trust', [{ where: 'trust', reason: 'not a trust' }]);
  const signedIn = signedInUser(actor);
  const id = (deps.newId ?? (() => crypto.randomUUID()))();
  const now = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    await organisations(trx).insert({
      id,
      trust_id: trust.id,
      kind: 'school',
      name: input.name,
      phase: input.phase,
      nation: input.nation,
      urn: input.urn ?? null,
      parent_id: trust.id,
      created_at: now,
    });
    await audit(trx, deps.auditKey).record({
      trustId: trust.id,
      actor: actorName(signedIn),
      action: 'organisation.created',
      entity: 'organisation',
      entityId: id,
      data: { after: { name: input.name, phase: input.phase, nation: input.nation, urn: input.urn ?? null } },
      requestId: deps.requestId ?? null,
      occurredAt: now,
    });
  });
  return id;
};

/** A school or trust admin changes a school's (or their trust's) details; the audit event holds what changed. */
export const updateOrganisation = async (deps: OrganisationDeps, actor: Actor | Anonymous, id: string, input: SchoolInput) => {
  const organisation = await authorizeOrganisationChange(deps, actor, id, 'update');
  const signedIn = signedInUser(actor);
  const next = {
    name: input.name,
    phase: organisation.kind === 'trust' ? null : input.phase,
    nation: input.nation,
    urn: organisation.kind === 'trust' ? null : (input.urn ?? null),
  };
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const key of ['name', 'phase', 'nation', 'urn'] as const) {
    if (organisation[key] !== next[key]) {
      before[key] = organisation[key];
      after[key] = next[key];
    }
  }
  if (Object.keys(after).length === 0) return { changed: false };
  await deps.db.transaction().execute(async (trx) => {
    await directory(trx).updateOrganisation(id, next);
    await audit(trx, deps.auditKey).record({
      trustId: organisation.trust_id,
      actor: actorName(signedIn),
      action: 'organisation.updated',
      entity: 'organisation',
      entityId: id,
      data: { before, after },
      requestId: deps.requestId ?? null,
      occurredAt: deps.clock(),
    });
  });
  return { changed: true };
};
