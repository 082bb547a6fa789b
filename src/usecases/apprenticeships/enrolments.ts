import {
  EnrolInput,
  type EnrolInput as EnrolInputType,
  EnrolmentFieldsInput,
  GatewayConfirmationInput,
} from '../../contracts/apprenticeships/enrolment.ts';
import { AppError, type ErrorDetail } from '../../contracts/errors.ts';
import { detailsFromZod } from '../../contracts/zod-issues.ts';
import type { Enrolment } from '../../domain/apprenticeships/enrolment.ts';
import { statusNames } from '../../domain/apprenticeships/enrolment-status.ts';
import { defaultPlannedEnd, programmeById, programmeProblems } from '../../domain/apprenticeships/programme.ts';
import type { Action } from '../../domain/policy/actions.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { can } from '../../domain/policy/can.ts';
import type { Resource } from '../../domain/policy/resource.ts';
import { itemsOfSet } from '../../domain/requirements/index.ts';
import { type EnrolmentFields, enrolments } from '../../store/apprenticeships/enrolments.ts';
import { audit } from '../../store/audit.ts';
import { progressionSubjects } from '../../store/duty-profiles.ts';
import { authorize, unknownPerson } from '../authorize.ts';
import { type ApprenticeshipDeps, newIdOf } from './deps.ts';

/**
 * Enrolments: the employer (a school or trust admin) enrols a person on a programme with a training
 * provider; the record's fields are checked against the catalogue (the option only where the
 * standard has options; the planned end from its typical duration unless given). Status changes
 * are recorded by enrolment-status.ts. Each change is one transaction with its audit event.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const unknownEnrolment = () => new AppError('not_found', 'There is no such enrolment');

export const enrolmentResource = (e: Pick<Enrolment, 'trustId' | 'employerId' | 'personId' | 'providerId'>): Resource => ({
  type: 'enrolment',
  trustId: e.trustId,
  organisationId: e.employerId,
  personId: e.personId,
  providerId: e.providerId,
});

const userOf = (actor: Actor | Anonymous): Actor => {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in to continue');
  return actor;
};

/** Loads an enrolment and authorizes the action on it; ids nobody may see answer exactly as unknown ones. */
export const loadEnrolment = async (deps: ApprenticeshipDeps, actor: Actor | Anonymous, id: string, action: Action): Promise<Enrolment> => {
  const enrolment = UUID.test(id) ? await enrolments(deps.db).get(id) : undefined;
  if (!enrolment) {
    if (actor.kind === 'anonymous') throw new AppError('unauthenticated', 'Sign in to continue');
    throw unknownEnrolment();
  }
  await authorize(deps, actor, action, enrolmentResource(enrolment));
  return enrolment;
};

const invalid = (message: string, details: ErrorDetail[]) => new AppError('validation', message, details);

/** Checks the fields against the catalogue and the providers, and fills the planned end; problems name the field. */
const checkedFields = async (deps: ApprenticeshipDeps, input: Omit<EnrolInputType, 'personId'>): Promise<EnrolmentFields> => {
  const problems: ErrorDetail[] = programmeProblems(deps.catalogue, input.programme, input.optionCode);
  const programme = programmeById(deps.catalogue, input.programme);
  const providers = await enrolments(deps.db).providers();
  if (!providers.some((p) => p.id === input.providerId))
    problems.push({ where: 'providerId', reason: 'choose a training provider from the list' });
  const plannedEndDate = input.plannedEndDate ?? (programme ? defaultPlannedEnd(programme, input.startDate) : null);
  if (plannedEndDate === null && programme)
    problems.push({
      where: 'plannedEndDate',
      reason: `${programme.title} has no typical duration in the data: enter the planned end date`,
    });
  if (plannedEndDate !== null && plannedEndDate <= input.startDate)
    problems.push({ where: 'plannedEndDate', reason: 'the planned end date must be after the start date' });
  if (programme && input.priorLearningItems.length > 0) {
    const framework = deps.catalogue.framework(programme.frameworkId);
    const inScope = new Set(
      framework
        ? itemsOfSet(
            { framework: framework.id, kinds: ['knowledge', 'skill', 'behaviour'] },
            input.optionCode ?? undefined,
            deps.catalogue,
          ).map((i) => i.code)
        : [],
    );
    const outside = input.priorLearningItems.filter((c) => !inScope.has(c));
    if (outside.length > 0)
      problems.push({
        where: 'priorLearningItems',
        reason: `not KSBs of ${programme.title}${input.optionCode ? ` (${input.optionCode})` : ''}: ${outside.join(', ')}`,
      });
  }
  if (problems.length > 0 || plannedEndDate === null) throw invalid('Check the enrolment', problems);
  return {
    programme: input.programme,
    optionCode: input.optionCode,
    providerId: input.providerId,
    startDate: input.startDate,
    plannedEndDate,
    contractedHoursPerWeek: input.contractedHoursPerWeek,
    ageAtStart: input.ageAtStart,
    priorLearningHours: input.priorLearningHours,
    priorLearningItems: input.priorLearningItems,
    fixedMinimum:
      input.fixedMinimumHours !== null && input.fixedMinimumHours !== undefined && input.fixedMinimumSource
        ? { hours: input.fixedMinimumHours, source: input.fixedMinimumSource }
        : null,
  };
};

const snapshot = (f: EnrolmentFields) => ({ ...f, fixedMinimum: f.fixedMinimum });

/** Enrols a person on a programme with a provider (enrolment.create at the person's school). Returns the new enrolment's id. */
export const enrol = async (deps: ApprenticeshipDeps, actor: Actor | Anonymous, input: unknown): Promise<{ id: string }> => {
  const user = userOf(actor);
  const parsed = EnrolInput.safeParse(input);
  if (!parsed.success) throw invalid('Check the enrolment', detailsFromZod(parsed.error));
  const subject = await progressionSubjects(deps.db).find(parsed.data.personId);
  if (!subject) throw unknownPerson(parsed.data.personId);
  // Someone who cannot see the person learns nothing of them (an assessor cannot enrol the employer's staff).
  await authorize(deps, actor, 'person.read', {
    type: 'person',
    trustId: subject.trustId,
    organisationId: subject.organisationId,
    personId: subject.id,
  });
  await authorize(deps, actor, 'enrolment.create', {
    type: 'enrolment',
    trustId: subject.trustId,
    organisationId: subject.organisationId,
    personId: subject.id,
    providerId: parsed.data.providerId,
  });
  const fields = await checkedFields(deps, parsed.data);
  const existing = await enrolments(deps.db).listForPerson(subject.trustId, subject.id);
  const open = existing.find((e) => e.programme === fields.programme && e.status !== 'withdrawn' && e.status !== 'completed');
  if (open)
    throw new AppError('conflict', `${subject.name} is already enrolled on ${deps.catalogue.title(fields.programme)}`, [
      { where: 'programme', reason: `an enrolment from ${open.startDate} is still open: change that one instead` },
    ]);
  const id = newIdOf(deps);
  const now = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    const store = enrolments(trx);
    await store.insert({
      id,
      trustId: subject.trustId,
      personId: subject.id,
      employerId: subject.organisationId,
      createdBy: user.userId,
      at: now,
      ...fields,
    });
    await store.insertStatusChange({
      id: newIdOf(deps),
      trustId: subject.trustId,
      enrolmentId: id,
      status: 'on_programme',
      effectiveFrom: fields.startDate,
      effectiveTo: null,
      grade: null,
      reason: null,
      recordedBy: user.userId,
      at: now,
    });
    await audit(trx, deps.auditKey).record({
      trustId: subject.trustId,
      actor: user.userId,
      action: 'enrolment.created',
      entity: 'person',
      entityId: subject.id,
      data: {
        enrolmentId: id,
        before: null,
        after: { ...snapshot(fields), programme: deps.catalogue.title(fields.programme), programmeId: fields.programme },
      },
      requestId: deps.requestId ?? null,
    });
  });
  return { id };
};

/**
 * Changes an enrolment's fields (enrolment.update: the employer, or the provider's assessor). Moving
 * it to another provider is the employer's decision (enrolment.create at the school).
 */
export const editEnrolment = async (deps: ApprenticeshipDeps, actor: Actor | Anonymous, id: string, input: unknown): Promise<void> => {
  const user = userOf(actor);
  const enrolment = await loadEnrolment(deps, actor, id, 'enrolment.update');
  const parsed = EnrolmentFieldsInput.safeParse(input);
  if (!parsed.success) throw invalid('Check the enrolment', detailsFromZod(parsed.error));
  if (parsed.data.providerId !== enrolment.providerId)
    await authorize(deps, actor, 'enrolment.create', enrolmentResource({ ...enrolment, providerId: parsed.data.providerId }));
  const fields = await checkedFields(deps, parsed.data);
  const now = deps.clock();
  const before: EnrolmentFields = {
    programme: enrolment.programme,
    optionCode: enrolment.optionCode,
    providerId: enrolment.providerId,
    startDate: enrolment.startDate,
    plannedEndDate: enrolment.plannedEndDate,
    contractedHoursPerWeek: enrolment.contractedHoursPerWeek,
    ageAtStart: enrolment.ageAtStart,
    priorLearningHours: enrolment.priorLearningHours,
    priorLearningItems: enrolment.priorLearningItems,
    fixedMinimum: enrolment.fixedMinimum,
  };
  await deps.db.transaction().execute(async (trx) => {
    const store = enrolments(trx);
    if (!(await store.lock(enrolment.trustId, enrolment.id))) throw unknownEnrolment();
    const history = await store.history(enrolment.trustId, enrolment.id);
    const earliest = history
      .map((h) => h.effectiveFrom)
      .filter((d) => d !== enrolment.startDate)
      .sort()[0];
    if (earliest !== undefined && fields.startDate > earliest)
      throw invalid('Check the enrolment', [
        { where: 'startDate', reason: `the start date must be on or before the first status change, ${earliest}` },
      ]);
    await store.update(enrolment.trustId, enrolment.id, fields, now);
    // The first status row starts with the enrolment: it moves with the start date.
    const first = history[0];
    if (first && first.effectiveFrom === enrolment.startDate && fields.startDate !== enrolment.startDate)
      await store.moveStatusChange(enrolment.trustId, first.id, fields.startDate);
    await audit(trx, deps.auditKey).record({
      trustId: enrolment.trustId,
      actor: user.userId,
      action: 'enrolment.updated',
      entity: 'person',
      entityId: enrolment.personId,
      data: { enrolmentId: enrolment.id, before: snapshot(before), after: snapshot(fields) },
      requestId: deps.requestId ?? null,
    });
  });
};

/** Records (or withdraws) the employer's or the provider's Gateway to Completion confirmation. */
export const confirmGateway = async (deps: ApprenticeshipDeps, actor: Actor | Anonymous, id: string, input: unknown): Promise<void> => {
  const user = userOf(actor);
  // Someone who cannot see the enrolment learns nothing from a malformed request either.
  await loadEnrolment(deps, actor, id, 'enrolment.read');
  const parsed = GatewayConfirmationInput.safeParse(input);
  if (!parsed.success) throw invalid('Check the confirmation', detailsFromZod(parsed.error));
  const { party, confirmed } = parsed.data;
  const enrolment = await loadEnrolment(deps, actor, id, party === 'employer' ? 'enrolment.confirmEmployer' : 'enrolment.confirmProvider');
  if (enrolment.status !== 'on_programme' && enrolment.status !== 'at_gateway')
    throw invalid('Check the confirmation', [
      {
        where: 'party',
        reason: `the apprenticeship is ${statusNames[enrolment.status].toLowerCase()}: readiness is confirmed while on programme`,
      },
    ]);
  const now = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    const store = enrolments(trx);
    if (!(await store.lock(enrolment.trustId, enrolment.id))) throw unknownEnrolment();
    await store.setConfirmation(enrolment.trustId, enrolment.id, party, confirmed ? user.userId : null, now);
    await audit(trx, deps.auditKey).record({
      trustId: enrolment.trustId,
      actor: user.userId,
      action: 'enrolment.gatewayConfirmed',
      entity: 'person',
      entityId: enrolment.personId,
      data: {
        enrolmentId: enrolment.id,
        party,
        before: { confirmed: (party === 'employer' ? enrolment.employerConfirmation : enrolment.providerConfirmation) !== null },
        after: { confirmed },
      },
      requestId: deps.requestId ?? null,
    });
  });
};

/** What the asking user may do with an enrolment. */
export const enrolmentPermissions = (actor: Actor | Anonymous, enrolment: Enrolment) => {
  const resource = enrolmentResource(enrolment);
  const allowed = (action: Action) => can(actor, action, resource).allowed;
  return {
    update: allowed('enrolment.update'),
    recordStatus: allowed('enrolment.recordStatus'),
    confirmEmployer: allowed('enrolment.confirmEmployer'),
    confirmProvider: allowed('enrolment.confirmProvider'),
  };
};
