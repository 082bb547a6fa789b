import { SupervisionLinkInput, SupervisionSettingInput } from '../../contracts/apprenticeships/associate-teacher.ts';
import { AppError } from '../../contracts/errors.ts';
import { detailsFromZod } from '../../contracts/zod-issues.ts';
import { type SupervisionParty, supervisionProblems } from '../../domain/apprenticeships/supervision.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { can } from '../../domain/policy/can.ts';
import type { Resource } from '../../domain/policy/resource.ts';
import { type AssociateTeacherRules, readAssociateTeacherRules } from '../../framework/associate-teacher-rules.ts';
import type { Catalogue } from '../../framework/catalogue.ts';
import { type SupervisionLink, type SupervisionPerson, supervisionLinks } from '../../store/apprenticeships/supervision-links.ts';
import { audit } from '../../store/audit.ts';
import { organisations } from '../../store/organisations.ts';
import { authorize } from '../authorize.ts';
import { type ApprenticeshipDeps, newIdOf, todayOf } from './deps.ts';

/**
 * Supervision links: an Associate Teacher supervises, coaches or mentors Level 3 and 4 colleagues
 * (rules as data). The school's admin or the Associate Teacher's line manager records the links;
 * the school decides whether supervisors may decide their supervisees' evidence (off by default).
 */

export const supervisionHref = (supervisorId: string) => `/people/${supervisorId}/supervision`;

const personResource = (p: Pick<SupervisionPerson, 'trustId' | 'organisationId' | 'personId'>): Resource => ({
  type: 'person',
  trustId: p.trustId,
  organisationId: p.organisationId,
  personId: p.personId,
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const unknownPerson = () => new AppError('not_found', 'No person has that id');

const userOf = (actor: Actor | Anonymous): Actor => {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in to continue');
  return actor;
};

/** The person, if the actor may take the action on them; others' ids answer exactly as unknown ones. */
const loadPerson = async (
  deps: ApprenticeshipDeps,
  actor: Actor | Anonymous,
  personId: string,
  action: 'person.manageSupervision' | 'person.read',
): Promise<SupervisionPerson> => {
  userOf(actor);
  const person = UUID.test(personId) ? await supervisionLinks(deps.db).person(personId) : undefined;
  if (!person) throw unknownPerson();
  await authorize(deps, actor, action, personResource(person));
  return person;
};

/** The roles of the levels an Associate Teacher supervises (TA3 and TA4 in the built-in framework), from the catalogue. */
const superviseeRolesOf = (catalogue: Catalogue, rules: AssociateTeacherRules): string[] =>
  catalogue
    .roles()
    .filter(({ role }) => role.level !== undefined && rules.supervision.superviseeLevels.includes(role.level.value))
    .map(({ role }) => role.id);

const partyOf = async (deps: ApprenticeshipDeps, rules: AssociateTeacherRules, p: SupervisionPerson): Promise<SupervisionParty> => {
  const role = p.gradedRole ? deps.catalogue.role(p.gradedRole) : undefined;
  return {
    personId: p.personId,
    organisationId: p.organisationId,
    gradedRole: p.gradedRole,
    roleLevel: role?.level?.value ?? null,
    onProgramme: await supervisionLinks(deps.db).onProgramme(p.trustId, p.personId, rules.programme),
    left: p.left,
  };
};

export type SupervisionPage = {
  supervisor: SupervisionPerson;
  supervisorRoleTitle: string;
  links: (SupervisionLink & { roleTitle: string })[];
  /** Colleagues at the school at the levels supervised and not yet linked, each "Name (TA3 — Title)". */
  candidates: { value: string; text: string }[];
  /** Why the person cannot supervise, where they cannot (not an Associate Teacher, say). */
  cannotSupervise: string | null;
  schoolAllowsDecisions: boolean;
  schoolName: string;
  can: { changeSetting: boolean };
};

const roleTitleOf = (catalogue: Catalogue, role: string | null) => (role ? `${role} — ${catalogue.title(role)}` : 'no graded role');

/** The supervision page of an Associate Teacher, for the school's admin or their line manager (person.manageSupervision). */
export const supervisionPage = async (
  deps: ApprenticeshipDeps,
  actor: Actor | Anonymous,
  supervisorId: string,
): Promise<SupervisionPage> => {
  const supervisor = await loadPerson(deps, actor, supervisorId, 'person.manageSupervision');
  const rules = await readAssociateTeacherRules();
  const store = supervisionLinks(deps.db);
  const links = await store.openLinksOf(supervisor.trustId, supervisor.personId);
  const linked = new Set(links.map((l) => l.superviseeId));
  const colleagues = await store.colleaguesInRoles(supervisor.trustId, supervisor.organisationId, superviseeRolesOf(deps.catalogue, rules));
  const party = await partyOf(deps, rules, supervisor);
  const titles = rules.supervision.supervisorRoles.map((r) => deps.catalogue.title(r));
  const own = supervisionProblems(rules.supervision, party, party, titles).find((p) => p.where === 'supervisor');
  const school = await organisations(deps.db).find(supervisor.organisationId);
  return {
    supervisor,
    supervisorRoleTitle: roleTitleOf(deps.catalogue, supervisor.gradedRole),
    links: links.map((l) => ({ ...l, roleTitle: roleTitleOf(deps.catalogue, l.superviseeRole) })),
    candidates: colleagues
      .filter((c) => c.personId !== supervisor.personId && !linked.has(c.personId))
      .map((c) => ({ value: c.personId, text: `${c.name} (${roleTitleOf(deps.catalogue, c.gradedRole)})` })),
    cannotSupervise: own?.reason ?? null,
    schoolAllowsDecisions: await store.supervisorsDecide(supervisor.trustId, supervisor.organisationId),
    schoolName: school?.name ?? 'the school',
    can: {
      changeSetting: can(actor, 'organisation.update', {
        type: 'organisation',
        trustId: supervisor.trustId,
        organisationId: supervisor.organisationId,
      }).allowed,
    },
  };
};

/** Records that the Associate Teacher supervises a colleague (person.manageSupervision); refused with the reason, nothing stored. */
export const linkSupervisee = async (
  deps: ApprenticeshipDeps,
  actor: Actor | Anonymous,
  supervisorId: string,
  raw: unknown,
): Promise<{ id: string }> => {
  const supervisor = await loadPerson(deps, actor, supervisorId, 'person.manageSupervision');
  const user = userOf(actor);
  const parsed = SupervisionLinkInput.safeParse(raw);
  if (!parsed.success) throw new AppError('validation', 'Choose the colleague to supervise', detailsFromZod(parsed.error));
  const rules = await readAssociateTeacherRules();
  const store = supervisionLinks(deps.db);
  const supervisee = await store.person(parsed.data.superviseeId);
  // A colleague of another trust is named exactly as an unknown one.
  if (!supervisee || supervisee.trustId !== supervisor.trustId)
    throw new AppError('validation', 'Choose the colleague to supervise', [
      { where: 'superviseeId', reason: 'Choose a colleague from the list' },
    ]);
  const titles = rules.supervision.supervisorRoles.map((r) => deps.catalogue.title(r));
  const problems = supervisionProblems(
    rules.supervision,
    await partyOf(deps, rules, supervisor),
    await partyOf(deps, rules, supervisee),
    titles,
  );
  if (problems.length > 0) throw new AppError('validation', problems[0]?.reason ?? 'This supervision cannot be recorded', problems);
  const id = newIdOf(deps);
  const now = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    if (
      (await supervisionLinks(trx).openLinksOf(supervisor.trustId, supervisor.personId)).some((l) => l.superviseeId === supervisee.personId)
    )
      throw new AppError('conflict', `${supervisor.name} already supervises ${supervisee.name}`, [
        { where: 'superviseeId', reason: `${supervisor.name} already supervises ${supervisee.name}` },
      ]);
    await supervisionLinks(trx).insert({
      id,
      trustId: supervisor.trustId,
      organisationId: supervisor.organisationId,
      supervisorId: supervisor.personId,
      superviseeId: supervisee.personId,
      startedOn: todayOf(deps),
      createdBy: user.userId,
      at: now,
    });
    await audit(trx, deps.auditKey).record({
      trustId: supervisor.trustId,
      actor: user.userId,
      action: 'supervision.linked',
      entity: 'person',
      entityId: supervisor.personId,
      data: { linkId: id, before: null, after: { superviseeId: supervisee.personId, superviseeName: supervisee.name } },
      requestId: deps.requestId ?? null,
    });
  });
  return { id };
};

/** Ends a supervision link of the Associate Teacher (person.manageSupervision). */
export const endSupervision = async (deps: ApprenticeshipDeps, actor: Actor | Anonymous, supervisorId: string, linkId: string) => {
  const supervisor = await loadPerson(deps, actor, supervisorId, 'person.manageSupervision');
  const user = userOf(actor);
  await deps.db.transaction().execute(async (trx) => {
    if (
      !UUID.test(linkId) ||
      !(await supervisionLinks(trx).end(supervisor.trustId, supervisor.personId, linkId, todayOf(deps), user.userId))
    )
      throw new AppError('not_found', 'This supervision has already ended or does not exist');
    await audit(trx, deps.auditKey).record({
      trustId: supervisor.trustId,
      actor: user.userId,
      action: 'supervision.ended',
      entity: 'person',
      entityId: supervisor.personId,
      data: { linkId, before: null, after: { endedOn: todayOf(deps) } },
      requestId: deps.requestId ?? null,
    });
  });
};

/** Turns supervisors' evidence decisions on or off for the Associate Teacher's school (organisation.update on the school). */
export const setSupervisionSetting = async (deps: ApprenticeshipDeps, actor: Actor | Anonymous, supervisorId: string, raw: unknown) => {
  const supervisor = await loadPerson(deps, actor, supervisorId, 'person.manageSupervision');
  const user = userOf(actor);
  await authorize(deps, actor, 'organisation.update', {
    type: 'organisation',
    trustId: supervisor.trustId,
    organisationId: supervisor.organisationId,
  });
  const parsed = SupervisionSettingInput.safeParse(raw);
  if (!parsed.success) throw new AppError('validation', 'Choose whether supervisors may decide evidence', detailsFromZod(parsed.error));
  const now = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    const store = supervisionLinks(trx);
    const before = await store.supervisorsDecide(supervisor.trustId, supervisor.organisationId);
    await store.setSupervisorsDecide(supervisor.trustId, supervisor.organisationId, parsed.data.supervisorsDecide, user.userId, now);
    await audit(trx, deps.auditKey).record({
      trustId: supervisor.trustId,
      actor: user.userId,
      action: 'organisation.supervisionSettingChanged',
      entity: 'organisation',
      entityId: supervisor.organisationId,
      data: { before: { supervisorsDecide: before }, after: { supervisorsDecide: parsed.data.supervisorsDecide } },
      requestId: deps.requestId ?? null,
    });
  });
};
