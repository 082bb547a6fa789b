/**
 * Test builders for Gateway to Completion: the off-the-job world's ST1414 SEND enrolment (started
 * 1 September 2025, aged 24 at the start, a 400-hour fixed off-the-job minimum) brought to where a
 * readiness check finds it ready, as the portfolio and the off-the-job log would leave it: every KSB
 * of the core and SEND judged met (or recognised as prior learning), off-the-job hours approved by the
 * provider, and, when asked, both confirmations. Written straight to the store so that the tests
 * about the readiness's consumers (status changes, the CLI, the API) arrange it in one call.
 */
import type { Kysely } from 'kysely';
import type { Catalogue } from '../../framework/catalogue.ts';
import { enrolments } from '../../store/apprenticeships/enrolments.ts';
import type { Tables } from '../../store/tables.ts';
import { seedEnrolment } from './fixtures.ts';
import type { OffTheJobWorld } from './off-the-job-testing.ts';

/** The codes of ST1414's core and SEND KSBs (70 of them). */
export const sendKsbCodes = (catalogue: Catalogue): string[] =>
  catalogue
    .items({ framework: 'st1414' })
    .filter((i) => ['knowledge', 'skill', 'behaviour'].includes(i.kind) && (!i.options || i.options.includes('SEND')))
    .map((i) => i.code);

export type ReadyOptions = {
  /** KSBs recognised as prior learning instead of judged met. */
  recognised?: readonly string[];
  /** KSBs left neither judged nor recognised. */
  unmet?: readonly string[];
  /** Approved off-the-job hours, in whole days of 7 hours (default 60 days: 420 hours, over the 400-hour minimum). */
  offTheJobDays?: number;
  /** Record the employer's (the line manager's) and the provider's (the assessor's) confirmation. */
  confirmed?: boolean;
  /** Another enrolment of the world's own trust (with the same provider) to arrange instead of the world's. */
  enrolment?: { id: string; personId: string };
};

/** Brings the world's enrolment to Gateway to Completion readiness (or short of it, as the options say). */
export const arrangeGatewayReadiness = async (
  db: Kysely<Tables>,
  catalogue: Catalogue,
  world: OffTheJobWorld,
  options: ReadyOptions = {},
): Promise<void> => {
  const own = world.trusts.own;
  const enrolmentId = options.enrolment?.id ?? world.enrolmentId;
  const personId = options.enrolment?.personId ?? own.reportId;
  const recognised = options.recognised ?? [];
  const unmet = new Set(options.unmet ?? []);
  const judged = sendKsbCodes(catalogue).filter((code) => !recognised.includes(code) && !unmet.has(code));
  await db
    .insertInto('judgements')
    .values(
      judged.map((code) => ({
        id: crypto.randomUUID(),
        trust_id: own.trustId,
        person_id: personId,
        item_code: code,
        value: 'met' as const,
        source: 'observation' as const,
        evidence_id: null,
        note: 'Observed in class by the assessor',
        judged_by: world.assessor.userId,
        judged_at: new Date('2027-03-01T10:00:00Z'),
      })),
    )
    .execute();
  await db
    .updateTable('enrolments')
    .set({ prior_learning_items: JSON.stringify(recognised) })
    .where('id', '=', enrolmentId)
    .execute();
  const days = options.offTheJobDays ?? 60;
  const at = new Date('2026-09-01T16:00:00Z');
  if (days > 0)
    await db
      .insertInto('off_the_job_entries')
      .values(
        Array.from({ length: days }, (_, i) => ({
          id: crypto.randomUUID(),
          trust_id: own.trustId,
          enrolment_id: enrolmentId,
          occurred_on: `2026-${String(1 + Math.floor(i / 6)).padStart(2, '0')}-${String(1 + (i % 6) * 4).padStart(2, '0')}`,
          minutes: 420,
          activity: 'teaching-of-theory',
          description: 'Study day with the training provider',
          ksb_codes: [],
          status: 'approved',
          feedback: null,
          decided_by: world.assessor.userId,
          decided_at: at,
          created_by: world.apprentice.userId,
          created_at: at,
          updated_at: at,
        })),
      )
      .execute();
  if (options.confirmed) {
    await enrolments(db).setConfirmation(own.trustId, enrolmentId, 'employer', world.manager.userId, at);
    await enrolments(db).setConfirmation(own.trustId, enrolmentId, 'provider', world.assessor.userId, at);
  }
};

export type GatewayCases = {
  world: OffTheJobWorld;
  /** The world's enrolment (aged 24 at the start), ready on 1 June 2027: KSBs met (K1 recognised as prior learning), 420 hours, both confirmations. */
  ready: string;
  /**
   * A colleague's enrolment on ST1414 SEND with the same provider, not ready on 1 June 2027: aged 17 at
   * the start with no English or maths recorded, K31 and S28 not met, 210 of 400 hours, no confirmation.
   */
  notReady: string;
};

/** The ready and the not-ready case, side by side in the world's trust, for the readiness's consumers (CLI, API). */
export const seedGatewayCases = async (db: Kysely<Tables>, catalogue: Catalogue, world: OffTheJobWorld): Promise<GatewayCases> => {
  const own = world.trusts.own;
  await arrangeGatewayReadiness(db, catalogue, world, { recognised: ['ST1414.K1'], confirmed: true });
  const { provider_id: providerId } = await db
    .selectFrom('enrolments')
    .select('provider_id')
    .where('id', '=', world.enrolmentId)
    .executeTakeFirstOrThrow();
  const notReady = await seedEnrolment(db, {
    trustId: own.trustId,
    personId: own.otherPersonId,
    employerId: own.schoolId,
    providerId,
    ageAtStart: 17,
  });
  await db
    .updateTable('enrolments')
    .set({ fixed_minimum_hours: 400, fixed_minimum_source: 'entered for the test' })
    .where('id', '=', notReady)
    .execute();
  await arrangeGatewayReadiness(db, catalogue, world, {
    enrolment: { id: notReady, personId: own.otherPersonId },
    unmet: ['ST1414.K31', 'ST1414.S28'],
    offTheJobDays: 30,
  });
  return { world, ready: world.enrolmentId, notReady };
};
