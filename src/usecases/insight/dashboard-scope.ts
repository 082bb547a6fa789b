import { AppError } from '../../contracts/errors.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import type { Catalogue } from '../../framework/catalogue.ts';
import { directory } from '../../store/directory.ts';
import type { DashboardScope } from '../../store/insight/dashboard.ts';
import { dashboardScopes } from '../../store/insight/dashboard-scope.ts';
import { partnerOrganisations } from '../../store/partnerships/partners.ts';
import { type AuthorizeDeps, authorize } from '../authorize.ts';
import { partnershipResource } from '../partnerships/access.ts';
import { signedInUser } from '../people/scope.ts';

export type DashboardDeps = AuthorizeDeps & { clock: () => Date; catalogue: Catalogue };

/** Which dashboard: the caller's own by default, or a chosen school (trust admins) or partnership (coordinators). */
export type ScopeQuery = { school?: string | undefined; partnership?: string | undefined };

/** A resolved, authorized scope: whose staff, in words, and the query that names it in links. */
export type ResolvedScope = {
  kind: 'school' | 'trust' | 'partnership';
  name: string;
  scope: DashboardScope;
  trustId: string | null;
  /** The query parameters that reopen this scope (`school=…`, `partnership=…`), empty for the caller's default. */
  params: Record<string, string>;
  /** A trust admin's schools to pick from (empty otherwise). */
  schools: { id: string; name: string }[];
  /** Set when a trust admin is looking at one school of the trust. */
  chosenSchoolId: string | null;
  /** The same staff, a trust at a time (a partnership can reach across trusts): for analyses run per trust. */
  byTrust: { trustId: string; organisationIds?: readonly string[] }[];
};

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
const noSuchOrganisation = () => new AppError('not_found', 'There is no such organisation');

const organisationScope = async (deps: DashboardDeps, user: Actor, organisationId: string, params: Record<string, string>) => {
  const organisation = isUuid(organisationId) ? await directory(deps.db).findOrganisation(organisationId) : undefined;
  if (!organisation || organisation.kind === 'provider') throw noSuchOrganisation();
  await authorize(deps, user, 'organisation.readInsight', {
    type: 'organisation',
    trustId: organisation.trust_id,
    organisationId: organisation.id,
  });
  const trustWide = organisation.kind === 'trust';
  const trustAdmin = user.assignments.some((a) => a.role === 'trust_admin' && a.trustId === organisation.trust_id);
  const schools = trustAdmin ? await dashboardScopes(deps.db).schoolsOf(organisation.trust_id) : [];
  return {
    kind: trustWide ? 'trust' : 'school',
    name: organisation.name,
    scope: { trustId: organisation.trust_id, organisationIds: trustWide ? null : [organisation.id] },
    trustId: organisation.trust_id,
    params,
    schools: schools.map((s) => ({ id: s.id, name: s.name })),
    chosenSchoolId: trustWide ? null : organisation.id,
    byTrust: [trustWide ? { trustId: organisation.trust_id } : { trustId: organisation.trust_id, organisationIds: [organisation.id] }],
  } satisfies ResolvedScope;
};

/**
 * The dashboard's scope for this caller, authorized: a partnership (`partnership.read`), a school of
 * the caller's trust, or by default the caller's own trust (trust admin), school (school admin) or
 * only partnership (coordinator). Another trust's ids answer not found, as an unknown id does.
 */
export const resolveDashboardScope = async (deps: DashboardDeps, actor: Actor | Anonymous, query: ScopeQuery): Promise<ResolvedScope> => {
  const user = signedInUser(actor);
  if (query.partnership) {
    const partnership = isUuid(query.partnership) ? await partnerOrganisations(deps.db).findPartnership(query.partnership) : undefined;
    if (!partnership) throw new AppError('not_found', 'Not found');
    await authorize(deps, user, 'partnership.read', partnershipResource(partnership));
    const store = dashboardScopes(deps.db);
    const members = await store.partnershipOrganisations(partnership.id);
    const name = await store.partnershipName(partnership.id);
    return {
      kind: 'partnership',
      name: name ?? 'Partnership',
      scope: { trustId: null, organisationIds: members.map((m) => m.id) },
      trustId: null,
      params: { partnership: partnership.id },
      schools: [],
      chosenSchoolId: null,
      byTrust: [...Map.groupBy(members, (m) => m.trustId)].map(([trustId, of]) => ({ trustId, organisationIds: of.map((m) => m.id) })),
    };
  }
  if (query.school) return organisationScope(deps, user, query.school, { school: query.school });
  const trustAdmin = user.assignments.find((a) => a.role === 'trust_admin');
  if (trustAdmin) return organisationScope(deps, user, trustAdmin.organisationId, {});
  const schoolAdmin = user.assignments.find((a) => a.role === 'school_admin');
  if (schoolAdmin) return organisationScope(deps, user, schoolAdmin.organisationId, {});
  const [partnershipId] = user.partnershipIds;
  if (partnershipId) return resolveDashboardScope(deps, user, { partnership: partnershipId });
  throw new AppError('forbidden', 'You do not have permission to do that');
};
