import { AppError } from '../../contracts/errors.ts';
import type { Enrolment, EnrolmentStatus, EnrolmentStatusChange } from '../../domain/apprenticeships/enrolment.ts';
import { allowedNext, statusNames } from '../../domain/apprenticeships/enrolment-status.ts';
import type { GatewayReadiness } from '../../domain/apprenticeships/gateway.ts';
import { type Programme, programmeById, programmes } from '../../domain/apprenticeships/programme.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { itemsOfSet } from '../../domain/requirements/index.ts';
import { readAssociateTeacherRules } from '../../framework/associate-teacher-rules.ts';
import type { Catalogue } from '../../framework/catalogue.ts';
import { itemLabel } from '../../framework/item-label.ts';
import { enrolments } from '../../store/apprenticeships/enrolments.ts';
import { isAssociateTeacherEnrolment } from './associate-teacher.ts';
import type { ApprenticeshipDeps } from './deps.ts';
import { enrolmentPermissions, loadEnrolment } from './enrolments.ts';
import { readinessOf } from './gateway.ts';

/** One enrolment as its page shows it: the record, its history, Gateway to Completion, and what the user may do. */
export type EnrolmentView = {
  enrolment: Enrolment;
  programme: Programme | undefined;
  programmeTitle: string;
  optionTitle: string | null;
  history: EnrolmentStatusChange[];
  /** The KSBs recognised as prior learning, each "CODE — statement". */
  priorLearningLabels: string[];
  can: ReturnType<typeof enrolmentPermissions>;
  /** The statuses that may be recorded next (empty for a final status). */
  nextStatuses: { value: EnrolmentStatus; text: string }[];
};

/** An enrolment with its history and permissions (enrolment.read). */
export const readEnrolment = async (deps: ApprenticeshipDeps, actor: Actor | Anonymous, id: string): Promise<EnrolmentView> => {
  const enrolment = await loadEnrolment(deps, actor, id, 'enrolment.read');
  const programme = programmeById(deps.catalogue, enrolment.programme);
  const history = await enrolments(deps.db).history(enrolment.trustId, enrolment.id);
  return {
    enrolment,
    programme,
    programmeTitle: programme?.title ?? enrolment.programme,
    optionTitle: enrolment.optionCode
      ? (programme?.options.find((o) => o.id === enrolment.optionCode)?.title ?? enrolment.optionCode)
      : null,
    history,
    priorLearningLabels: enrolment.priorLearningItems.map((code) => itemLabel(deps.catalogue, code).text),
    can: enrolmentPermissions(actor, enrolment),
    nextStatuses: allowedNext[enrolment.status].map((value) => ({ value, text: statusNames[value] })),
  };
};

/** The enrolment page: the record and its Gateway to Completion readiness. */
export const enrolmentPage = async (
  deps: ApprenticeshipDeps,
  actor: Actor | Anonymous,
  id: string,
): Promise<EnrolmentView & { readiness: GatewayReadiness; associateTeacher: boolean }> => {
  const view = await readEnrolment(deps, actor, id);
  return {
    ...view,
    readiness: await readinessOf(deps, view.enrolment),
    // The Associate Teacher programme has its own page (Foundation Degree modules, the 16 duties).
    associateTeacher: isAssociateTeacherEnrolment(await readAssociateTeacherRules(), view.enrolment),
  };
};

/** A choice of programme and option as one value, `ST1414|SEND` (the route splits it). */
export type ProgrammeChoice = { value: string; text: string };

export type EnrolFormPage = {
  people: { value: string; text: string }[];
  providers: { value: string; text: string }[];
  programmes: ProgrammeChoice[];
};

/** The programme and option choices, every code with its wording. */
export const programmeChoices = (deps: Pick<ApprenticeshipDeps, 'catalogue'>): ProgrammeChoice[] =>
  programmes(deps.catalogue).flatMap((p) => {
    const name = `${p.title} (${p.id}${p.superseded ? ', legacy framework' : ''})`;
    return p.options.length === 0
      ? [{ value: p.id, text: name }]
      : p.options.map((o) => ({ value: `${p.id}|${o.id}`, text: `${name}: ${o.title} option (${o.id})` }));
  });

/** What the enrol form offers: the staff the user may enrol, the providers and the programmes (forbidden for anyone who may enrol nobody). */
export const enrolFormPage = async (deps: ApprenticeshipDeps, actor: Actor | Anonymous): Promise<EnrolFormPage> => {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in to continue');
  const store = enrolments(deps.db);
  const byId = new Map<string, { id: string; name: string; schoolName: string }>();
  for (const a of actor.assignments) {
    const reach = a.role === 'trust_admin' ? 'all' : a.role === 'school_admin' ? [a.organisationId] : null;
    if (reach === null) continue;
    for (const p of await store.enrollablePeople(a.trustId, reach)) byId.set(p.id, p);
  }
  // The same reach as the enrolment.create grants: a trust admin's trust, a school admin's school.
  const people = [...byId.values()];
  if (!actor.assignments.some((a) => a.role === 'trust_admin' || a.role === 'school_admin'))
    throw new AppError('forbidden', 'Only the employer’s admins enrol apprentices');
  return {
    people: people.map((p) => ({ value: p.id, text: `${p.name} (${p.schoolName})` })),
    providers: (await store.providers()).map((p) => ({ value: p.id, text: p.name })),
    programmes: programmeChoices(deps),
  };
};

/** One kind of KSB of a programme (knowledge, skills or behaviours), each KSB to tick labelled "CODE — statement". */
export type KsbGroup = { kind: 'knowledge' | 'skill' | 'behaviour'; title: string; items: { value: string; text: string }[] };

const ksbKinds = [
  { kind: 'knowledge', title: 'Knowledge' },
  { kind: 'skill', title: 'Skills' },
  { kind: 'behaviour', title: 'Behaviours' },
] as const;

/**
 * The KSBs that may be recognised as prior learning on a programme and option, grouped by kind: the
 * same set the enrolment use-case accepts (the core and the chosen option), so every box offered is
 * one it takes. Empty for a programme the catalogue does not know.
 */
export const priorLearningChoices = (catalogue: Catalogue, programmeId: string, optionCode: string | null): KsbGroup[] => {
  const programme = programmeById(catalogue, programmeId);
  const framework = programme ? catalogue.framework(programme.frameworkId) : undefined;
  if (!framework) return [];
  const items = itemsOfSet({ framework: framework.id, kinds: ['knowledge', 'skill', 'behaviour'] }, optionCode ?? undefined, catalogue);
  return ksbKinds
    .map(({ kind, title }) => ({
      kind,
      title,
      items: items.filter((i) => i.kind === kind).map((i) => ({ value: i.code, text: itemLabel(catalogue, i.code).text })),
    }))
    .filter((g) => g.items.length > 0);
};

/**
 * The edit form of an enrolment: the record, the providers and programmes, and the KSBs to tick as prior
 * learning (forbidden without enrolment.update). The KSBs are those of `chosen`, the programme posted
 * when the form comes back with a problem, else the enrolment's own.
 */
export const enrolmentEditPage = async (
  deps: ApprenticeshipDeps,
  actor: Actor | Anonymous,
  id: string,
  chosen?: { programme: string; optionCode: string | null },
): Promise<
  EnrolmentView & {
    mode: 'edit';
    providers: { value: string; text: string }[];
    programmes: ProgrammeChoice[];
    priorLearningKsbs: KsbGroup[];
    ksbProgrammeTitle: string;
  }
> => {
  const view = await readEnrolment(deps, actor, id);
  if (!view.can.update) throw new AppError('forbidden', 'You cannot change this enrolment');
  const programme = chosen ?? { programme: view.enrolment.programme, optionCode: view.enrolment.optionCode };
  return {
    ...view,
    mode: 'edit',
    providers: (await enrolments(deps.db).providers()).map((p) => ({ value: p.id, text: p.name })),
    programmes: programmeChoices(deps),
    priorLearningKsbs: priorLearningChoices(deps.catalogue, programme.programme, programme.optionCode),
    ksbProgrammeTitle:
      programmeChoices(deps).find(
        (c) => c.value === (programme.optionCode ? `${programme.programme}|${programme.optionCode}` : programme.programme),
      )?.text ??
      programmeById(deps.catalogue, programme.programme)?.title ??
      programme.programme,
  };
};

/** The status form of an enrolment (forbidden without enrolment.recordStatus). */
export const enrolmentStatusPage = async (deps: ApprenticeshipDeps, actor: Actor | Anonymous, id: string): Promise<EnrolmentView> => {
  const view = await readEnrolment(deps, actor, id);
  if (!view.can.recordStatus) throw new AppError('forbidden', 'You cannot record a status change on this enrolment');
  return view;
};
