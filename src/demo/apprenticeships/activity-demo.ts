import type { Kysely } from 'kysely';
import { readApprenticeshipRules } from '../../framework/apprenticeship-rules.ts';
import type { Catalogue } from '../../framework/catalogue.ts';
import { audit } from '../../store/audit.ts';
import type { Tables } from '../../store/tables.ts';
import type { DemoApprenticeships } from '../apprenticeships-demo.ts';
import type { DemoActivityContext, DemoActivityUsers } from './activity-context.ts';
import { writeAssociateTeacher } from './associate-teacher-demo.ts';
import { planKsbEvidence, writeKsbEvidence } from './ksb-evidence-demo.ts';
import { planOffTheJob, writeOffTheJob } from './off-the-job-demo.ts';
import { writeReviews } from './reviews-demo.ts';

export type DemoApprenticeshipActivityInput = {
  trustId: string;
  clock: () => Date;
  auditKey: Uint8Array;
  newId: () => string;
  catalogue: Catalogue;
  apprenticeships: DemoApprenticeships;
  /** The user accounts of the apprentices and their employers' people (the assessor's comes with the apprenticeships). */
  users: Omit<DemoActivityUsers, 'assessor'>;
  /** Who Daniel, the Associate Teacher, supervises. */
  supervisee: { personId: string; name: string };
};

/**
 * The demo apprenticeships lived in: off-the-job logs approved and waiting, KSB evidence judged met,
 * tripartite reviews held and signed, and the Associate Teacher's degree and supervision, so that
 * the caseload shows one apprentice on track (Fatima), one at risk (Daniel), one with an overdue
 * review (Amy) and one whose off-the-job minimum is not known yet (Chloe). Writes through the store
 * in the demo's transaction, with the audit events the use-cases would record.
 */
export const seedDemoApprenticeshipActivity = async (trx: Kysely<Tables>, input: DemoApprenticeshipActivityInput): Promise<void> => {
  const now = input.clock();
  const ctx: DemoActivityContext = {
    db: trx,
    trustId: input.trustId,
    now,
    today: now.toISOString().slice(0, 10),
    catalogue: input.catalogue,
    users: { ...input.users, assessor: input.apprenticeships.assessorUserId },
    newId: input.newId,
    events: [],
  };
  const enrolments = input.apprenticeships.enrolments;
  const entries = enrolments.flatMap((e) => planOffTheJob(e, ctx.today, ctx.newId));
  const evidence = enrolments.flatMap((e) => planKsbEvidence(e, ctx.today, ctx.newId));
  await writeOffTheJob(ctx, entries);
  await writeKsbEvidence(ctx, evidence);
  await writeReviews(ctx, enrolments, { entries, evidence, rules: await readApprenticeshipRules() });
  const associateTeacher = enrolments.find((e) => e.key === 'daniel');
  if (associateTeacher) await writeAssociateTeacher(ctx, { enrolment: associateTeacher, supervisee: input.supervisee });
  await audit(trx, input.auditKey).record(...ctx.events);
};
