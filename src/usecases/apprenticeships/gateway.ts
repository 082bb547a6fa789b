import type { Kysely } from 'kysely';
import type { PersonState } from '../../contracts/person-state.ts';
import type { Enrolment } from '../../domain/apprenticeships/enrolment.ts';
import { breaksOf } from '../../domain/apprenticeships/enrolment-status.ts';
import { type GatewayReadiness, gatewayReadiness } from '../../domain/apprenticeships/gateway.ts';
import { programmeById } from '../../domain/apprenticeships/programme.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { readApprenticeshipRules } from '../../framework/apprenticeship-rules.ts';
import type { Catalogue } from '../../framework/catalogue.ts';
import { readGatewayRules } from '../../framework/gateway-rules.ts';
import { enrolments } from '../../store/apprenticeships/enrolments.ts';
import { approvedOffTheJobHours } from '../../store/apprenticeships/off-the-job.ts';
import { progressionSubjects } from '../../store/duty-profiles.ts';
import type { Tables } from '../../store/tables.ts';
import { portfolioFacts, stateOfSubject } from '../progression/stored-person.ts';
import { type ApprenticeshipDeps, todayOf } from './deps.ts';
import { loadEnrolment, unknownEnrolment } from './enrolments.ts';

/**
 * Gateway to Completion readiness of one enrolment: the stored portfolio (judgements, English and
 * maths, EHC plan and BSL) as a person state, the enrolment's facts (age at start, option, breaks,
 * approved off-the-job hours, confirmations), and the rules as data, through the one interpreter.
 */

let fundingRules: ReturnType<typeof readApprenticeshipRules> | undefined;
/** The shipped funding rules, read once per process. */
export const shippedFundingRules = () => {
  fundingRules ??= readApprenticeshipRules();
  fundingRules.catch(() => {
    fundingRules = undefined;
  });
  return fundingRules;
};

/** The person state the portfolio gives for an enrolment's apprentice (no authorization: the caller has checked the enrolment). */
export const apprenticeState = async (db: Kysely<Tables>, catalogue: Catalogue, personId: string): Promise<PersonState | undefined> => {
  const subject = await progressionSubjects(db).find(personId);
  if (!subject) return undefined;
  return stateOfSubject(subject, catalogue, await portfolioFacts(db, subject)).state;
};

/** The readiness of an enrolment already loaded and authorized. */
export const readinessOf = async (
  deps: Pick<ApprenticeshipDeps, 'db' | 'catalogue' | 'clock'>,
  enrolment: Enrolment,
): Promise<GatewayReadiness> => {
  const programme = programmeById(deps.catalogue, enrolment.programme);
  if (!programme) return { applies: false, reason: `The programme ${enrolment.programme} is no longer in the catalogue.` };
  const [state, history, hours, gatewayRules, rules] = await Promise.all([
    apprenticeState(deps.db, deps.catalogue, enrolment.personId),
    enrolments(deps.db).history(enrolment.trustId, enrolment.id),
    approvedOffTheJobHours(deps.db, enrolment.id),
    readGatewayRules(),
    shippedFundingRules(),
  ]);
  if (!state) return { applies: false, reason: 'The apprentice’s record is no longer held.' };
  return gatewayReadiness(deps.catalogue, gatewayRules, rules, programme, state, {
    startDate: enrolment.startDate,
    plannedEndDate: enrolment.plannedEndDate,
    contractedHoursPerWeek: enrolment.contractedHoursPerWeek,
    ageAtStart: enrolment.ageAtStart,
    optionCode: enrolment.optionCode,
    priorLearningHours: enrolment.priorLearningHours,
    priorLearningItems: enrolment.priorLearningItems,
    fixedMinimum: enrolment.fixedMinimum,
    breaks: breaksOf(history),
    approvedOffTheJobHours: hours,
    employerConfirmed: enrolment.employerConfirmation !== null,
    providerConfirmed: enrolment.providerConfirmation !== null,
    today: todayOf(deps),
  });
};

/** The Gateway to Completion readiness of an enrolment the actor may read. */
export const enrolmentGateway = async (
  deps: ApprenticeshipDeps,
  actor: Actor | Anonymous,
  id: string,
): Promise<{ enrolment: Enrolment; readiness: GatewayReadiness }> => {
  const enrolment = await loadEnrolment(deps, actor, id, 'enrolment.read');
  return { enrolment, readiness: await readinessOf(deps, enrolment) };
};

/**
 * The readiness of an enrolment for an operator at the command line (`pathways gateway`): machine
 * access to the database, so no user to authorize; an unknown id is not found.
 */
export const operatorGateway = async (
  deps: Pick<ApprenticeshipDeps, 'db' | 'catalogue' | 'clock'>,
  id: string,
): Promise<{ enrolment: Enrolment; readiness: GatewayReadiness }> => {
  const enrolment = /^[0-9a-f-]{36}$/i.test(id) ? await enrolments(deps.db).get(id) : undefined;
  if (!enrolment) throw unknownEnrolment();
  return { enrolment, readiness: await readinessOf(deps, enrolment) };
};
