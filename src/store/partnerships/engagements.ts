import type { Kysely } from 'kysely';
import type { Engagement } from '../../domain/partnerships/records.ts';
import { isoDateOf } from '../dates.ts';
import type { Tables } from '../tables.ts';

/** Engagements delivered by deployed teachers, with the organisations that reused a digital resource. */
export const engagements = (db: Kysely<Tables>) => ({
  /** The partnership's engagements, newest first. */
  listByPartnership: async (partnershipId: string): Promise<Engagement[]> => {
    const rows = await db
      .selectFrom('engagements')
      .selectAll()
      .where('partnership_id', '=', partnershipId)
      .orderBy('occurred_on', 'desc')
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute();
    if (rows.length === 0) return [];
    const reuses = await db
      .selectFrom('resource_reuses')
      .selectAll()
      .where(
        'engagement_id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    return rows.map((r) => ({
      id: r.id,
      partnershipId: r.partnership_id,
      deploymentId: r.deployment_id,
      occurredOn: isoDateOf(r.occurred_on),
      hostPartnerId: r.host_partner_id,
      kind: r.kind,
      activity: r.activity,
      audience: {
        pupils: r.pupils,
        yearGroups: r.year_groups,
        pupilPhase: r.pupil_phase,
        teachers: r.teachers,
        traineeTeachers: r.trainee_teachers,
        governors: r.governors,
        parents: r.parents,
      },
      minutes: r.minutes,
      outcomeNotes: r.outcome_notes,
      followUps: r.follow_ups,
      reusedBy: reuses.filter((u) => u.engagement_id === r.id).map((u) => u.partner_id),
    }));
  },

  /** Inserts engagements and their reuses (call inside the use-case's transaction). */
  insertMany: async (items: readonly Engagement[], recordedBy: string) => {
    if (items.length === 0) return;
    await db
      .insertInto('engagements')
      .values(
        items.map((e) => ({
          id: e.id,
          partnership_id: e.partnershipId,
          deployment_id: e.deploymentId,
          occurred_on: e.occurredOn,
          host_partner_id: e.hostPartnerId,
          kind: e.kind,
          activity: e.activity,
          pupils: e.audience.pupils,
          year_groups: e.audience.yearGroups,
          pupil_phase: e.audience.pupilPhase,
          teachers: e.audience.teachers,
          trainee_teachers: e.audience.traineeTeachers,
          governors: e.audience.governors,
          parents: e.audience.parents,
          minutes: e.minutes,
          outcome_notes: e.outcomeNotes,
          follow_ups: e.followUps,
          recorded_by: recordedBy,
        })),
      )
      .execute();
    const reuses = items.flatMap((e) => e.reusedBy.map((partner_id) => ({ engagement_id: e.id, partner_id })));
    if (reuses.length > 0) await db.insertInto('resource_reuses').values(reuses).execute();
  },
});
