import { ModuleFieldsInput } from '../../contracts/apprenticeships/associate-teacher.ts';
import { AppError } from '../../contracts/errors.ts';
import { detailsFromZod } from '../../contracts/zod-issues.ts';
import {
  type CreditProgress,
  creditProgress,
  type DegreeModule,
  type ModuleInput,
  moduleProblems,
  moduleResultNames,
} from '../../domain/apprenticeships/associate-teacher-credits.ts';
import { type DutiesEvidence, dutiesEvidence } from '../../domain/apprenticeships/associate-teacher-duties.ts';
import type { Enrolment } from '../../domain/apprenticeships/enrolment.ts';
import { mayOnEnrolment } from '../../domain/apprenticeships/enrolment-parties.ts';
import { programmeById } from '../../domain/apprenticeships/programme.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { can } from '../../domain/policy/can.ts';
import { type AssociateTeacherRules, readAssociateTeacherRules } from '../../framework/associate-teacher-rules.ts';
import { degreeModules } from '../../store/apprenticeships/associate-teacher-modules.ts';
import { ksbEvidenceOf } from '../../store/apprenticeships/coverage.ts';
import { enrolments } from '../../store/apprenticeships/enrolments.ts';
import { audit } from '../../store/audit.ts';
import { type ApprenticeshipDeps, newIdOf } from './deps.ts';
import { loadEnrolment } from './enrolments.ts';

/**
 * The Associate Teacher programme of an enrolment: the integrated Foundation Degree's modules with
 * credits and marks (entered by the training provider), the progress to the degree's credits by
 * level, and the evidence against the 16 duties.
 */

export const associateTeacherHref = (enrolmentId: string) => `/enrolments/${enrolmentId}/associate-teacher`;

/** Whether the enrolment is on the Associate Teacher programme (its page exists only then). */
export const isAssociateTeacherEnrolment = (rules: AssociateTeacherRules, enrolment: Pick<Enrolment, 'programme'>) =>
  enrolment.programme === rules.programme;

export type AssociateTeacherPage = {
  enrolment: Enrolment;
  programmeTitle: string;
  degreeTitle: string;
  modules: (DegreeModule & { resultName: string })[];
  progress: CreditProgress;
  rule: { total: number; atLeast: { level: number; credits: number }[]; moduleLevels: number[]; source: string | null };
  duties: DutiesEvidence;
  can: { recordModules: boolean; manageSupervision: boolean };
  supervisionHref: string;
};

const notOnProgramme = () => new AppError('not_found', 'This enrolment is not on the Associate Teacher programme');

const loadProgramme = async (
  deps: ApprenticeshipDeps,
  actor: Actor | Anonymous,
  enrolmentId: string,
  action: 'enrolment.read' | 'enrolment.recordModules',
) => {
  const enrolment = await loadEnrolment(deps, actor, enrolmentId, action);
  const rules = await readAssociateTeacherRules();
  if (!isAssociateTeacherEnrolment(rules, enrolment)) throw notOnProgramme();
  return { enrolment, rules };
};

/** The programme page of an Associate Teacher's enrolment (enrolment.read). */
export const associateTeacherPage = async (
  deps: ApprenticeshipDeps,
  actor: Actor | Anonymous,
  enrolmentId: string,
): Promise<AssociateTeacherPage> => {
  const { enrolment, rules } = await loadProgramme(deps, actor, enrolmentId, 'enrolment.read');
  const modules = await degreeModules(deps.db).listForEnrolment(enrolment.trustId, enrolment.id);
  const evidence = (await ksbEvidenceOf(deps.db, [enrolment])).get(enrolment.personId) ?? {};
  const provenance = rules.credits.provenance;
  return {
    enrolment,
    programmeTitle: programmeById(deps.catalogue, enrolment.programme)?.title ?? enrolment.programme,
    degreeTitle: deps.catalogue.qualification(rules.degree)?.title ?? rules.degree,
    modules: modules.map((m) => ({ ...m, resultName: moduleResultNames[m.result] })),
    progress: creditProgress(rules.credits, modules),
    rule: {
      total: rules.credits.total,
      atLeast: rules.credits.atLeast,
      moduleLevels: rules.credits.moduleLevels,
      source: 'source' in provenance ? (provenance.source ?? null) : null,
    },
    duties: dutiesEvidence(deps.catalogue, rules.dutiesFramework, evidence),
    can: {
      recordModules: mayOnEnrolment(actor, 'enrolment.recordModules', enrolment),
      manageSupervision: can(actor, 'person.manageSupervision', {
        type: 'person',
        trustId: enrolment.trustId,
        organisationId: enrolment.employerId,
        personId: enrolment.personId,
      }).allowed,
    },
    supervisionHref: `/people/${enrolment.personId}/supervision`,
  };
};

const parseModule = (rules: AssociateTeacherRules, raw: unknown, others: DegreeModule[]): ModuleInput => {
  const parsed = ModuleFieldsInput.safeParse(raw);
  if (!parsed.success) throw new AppError('validation', 'Check the module', detailsFromZod(parsed.error));
  const input: ModuleInput = { ...parsed.data };
  const problems = moduleProblems(rules.credits, input, others);
  if (problems.length > 0) throw new AppError('validation', 'Check the module', problems);
  return input;
};

/**
 * Records a Foundation Degree module (or changes one, given its id) for the provider: validated as
 * a whole, then written with its audit event in one transaction; bad input changes nothing.
 */
export const recordModule = async (
  deps: ApprenticeshipDeps,
  actor: Actor | Anonymous,
  enrolmentId: string,
  raw: unknown,
  moduleId?: string,
): Promise<{ id: string }> => {
  const { enrolment, rules } = await loadProgramme(deps, actor, enrolmentId, 'enrolment.recordModules');
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in to continue');
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    await enrolments(trx).lock(enrolment.trustId, enrolment.id);
    const existing = await degreeModules(trx).listForEnrolment(enrolment.trustId, enrolment.id);
    const before = moduleId ? existing.find((m) => m.id === moduleId) : undefined;
    if (moduleId && !before) throw new AppError('not_found', 'This degree has no such module');
    const input = parseModule(
      rules,
      raw,
      existing.filter((m) => m.id !== moduleId),
    );
    const id = moduleId ?? newIdOf(deps);
    if (before) await degreeModules(trx).update(enrolment.trustId, enrolment.id, id, input, actor.userId, now);
    else
      await degreeModules(trx).insert({
        id,
        trustId: enrolment.trustId,
        enrolmentId: enrolment.id,
        recordedBy: actor.userId,
        at: now,
        ...input,
      });
    await audit(trx, deps.auditKey).record({
      trustId: enrolment.trustId,
      actor: actor.userId,
      action: 'enrolment.moduleRecorded',
      entity: 'person',
      entityId: enrolment.personId,
      data: { enrolmentId: enrolment.id, moduleId: id, before: before ?? null, after: input },
      requestId: deps.requestId ?? null,
    });
    return { id };
  });
};

export type ModuleFormPage = {
  enrolment: Enrolment;
  degreeTitle: string;
  /** The module being changed, or null for a new one. */
  module: DegreeModule | null;
  levels: { value: string; text: string }[];
  results: { value: string; text: string }[];
};

/** The form to add or change a Foundation Degree module (forbidden without enrolment.recordModules). */
export const moduleFormPage = async (
  deps: ApprenticeshipDeps,
  actor: Actor | Anonymous,
  enrolmentId: string,
  moduleId: string | null,
): Promise<ModuleFormPage> => {
  const { enrolment, rules } = await loadProgramme(deps, actor, enrolmentId, 'enrolment.recordModules');
  const module = moduleId
    ? (await degreeModules(deps.db).listForEnrolment(enrolment.trustId, enrolment.id)).find((m) => m.id === moduleId)
    : null;
  if (module === undefined) throw new AppError('not_found', 'This degree has no such module');
  return {
    enrolment,
    degreeTitle: deps.catalogue.qualification(rules.degree)?.title ?? rules.degree,
    module,
    levels: rules.credits.moduleLevels.map((l) => ({ value: String(l), text: `Level ${l}` })),
    results: (Object.keys(moduleResultNames) as ModuleInput['result'][]).map((r) => ({ value: r, text: moduleResultNames[r] })),
  };
};
