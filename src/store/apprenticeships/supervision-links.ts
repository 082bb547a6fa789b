import { type Kysely, sql } from 'kysely';
import { isoDateOf, isoDateOrNull } from '../dates.ts';
import type { Tables } from '../tables.ts';

/** One supervision link as the pages show it: who supervises whom, since when, and until when. */
export type SupervisionLink = {
  id: string;
  trustId: string;
  organisationId: string;
  supervisorId: string;
  superviseeId: string;
  superviseeName: string;
  superviseeRole: string | null;
  startedOn: string;
  endedOn: string | null;
};

/** A person as a supervision link needs them: school, graded role, whether they left. */
export type SupervisionPerson = {
  personId: string;
  trustId: string;
  organisationId: string;
  name: string;
  gradedRole: string | null;
  left: boolean;
  lineManagerId: string | null;
};

const nameOf = (given: string, family: string) => `${given} ${family}`.trim();

/** Supervision links, the people they join and each school's supervision setting. No product logic. */
export const supervisionLinks = (db: Kysely<Tables>) => ({
  person: async (personId: string): Promise<SupervisionPerson | undefined> => {
    const r = await db
      .selectFrom('people')
      .select(['id', 'trust_id', 'organisation_id', 'given_name', 'family_name', 'graded_role', 'left_on', 'line_manager_id'])
      .where('id', '=', personId)
      .executeTakeFirst();
    return r
      ? {
          personId: r.id,
          trustId: r.trust_id,
          organisationId: r.organisation_id,
          name: nameOf(r.given_name, r.family_name),
          gradedRole: r.graded_role,
          left: r.left_on !== null,
          lineManagerId: r.line_manager_id,
        }
      : undefined;
  },

  /** The people of one school still working there whose graded role is one of these, by name. */
  colleaguesInRoles: async (trustId: string, organisationId: string, roles: readonly string[]): Promise<SupervisionPerson[]> => {
    if (roles.length === 0) return [];
    const rows = await db
      .selectFrom('people')
      .select(['id', 'trust_id', 'organisation_id', 'given_name', 'family_name', 'graded_role', 'line_manager_id'])
      .where('trust_id', '=', trustId)
      .where('organisation_id', '=', organisationId)
      .where('left_on', 'is', null)
      .where('graded_role', 'in', roles)
      .orderBy('family_name')
      .orderBy('given_name')
      .execute();
    return rows.map((r) => ({
      personId: r.id,
      trustId: r.trust_id,
      organisationId: r.organisation_id,
      name: nameOf(r.given_name, r.family_name),
      gradedRole: r.graded_role,
      left: false,
      lineManagerId: r.line_manager_id,
    }));
  },

  /** Whether the person has an enrolment on the programme that has not ended (withdrawn or completed). */
  onProgramme: async (trustId: string, personId: string, programme: string): Promise<boolean> =>
    (await db
      .selectFrom('enrolments')
      .select('id')
      .where('trust_id', '=', trustId)
      .where('person_id', '=', personId)
      .where('programme', '=', programme)
      .where('status', 'not in', ['withdrawn', 'completed'])
      .executeTakeFirst()) !== undefined,

  /** The supervisor's open links, by supervisee name. */
  openLinksOf: async (trustId: string, supervisorId: string): Promise<SupervisionLink[]> => {
    const rows = await db
      .selectFrom('supervision_links as l')
      .innerJoin('people as p', 'p.id', 'l.supervisee_id')
      .select([
        'l.id',
        'l.trust_id',
        'l.organisation_id',
        'l.supervisor_id',
        'l.supervisee_id',
        'l.started_on',
        'l.ended_on',
        'p.given_name',
        'p.family_name',
        'p.graded_role',
      ])
      .where('l.trust_id', '=', trustId)
      .where('l.supervisor_id', '=', supervisorId)
      .where('l.ended_on', 'is', null)
      .orderBy('p.family_name')
      .orderBy('p.given_name')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      trustId: r.trust_id,
      organisationId: r.organisation_id,
      supervisorId: r.supervisor_id,
      superviseeId: r.supervisee_id,
      superviseeName: nameOf(r.given_name, r.family_name),
      superviseeRole: r.graded_role,
      startedOn: isoDateOf(r.started_on),
      endedOn: isoDateOrNull(r.ended_on),
    }));
  },

  /**
   * The permission scope of a supervisor (by their person id): their open links' supervisees still at
   * the school, each with whether the school lets supervisors decide evidence (off without a setting).
   */
  superviseesOf: async (supervisorId: string): Promise<{ personId: string; mayDecide: boolean }[]> => {
    const rows = await db
      .selectFrom('supervision_links as l')
      .innerJoin('people as p', 'p.id', 'l.supervisee_id')
      .leftJoin('school_supervision_settings as s', 's.organisation_id', 'l.organisation_id')
      .select(['l.supervisee_id', sql<boolean>`coalesce(s.supervisors_decide_evidence, false)`.as('may_decide')])
      .where('l.supervisor_id', '=', supervisorId)
      .where('l.ended_on', 'is', null)
      .where('p.left_on', 'is', null)
      .whereRef('p.organisation_id', '=', 'l.organisation_id')
      .execute();
    return rows.map((r) => ({ personId: r.supervisee_id, mayDecide: r.may_decide === true }));
  },

  insert: async (r: {
    id: string;
    trustId: string;
    organisationId: string;
    supervisorId: string;
    superviseeId: string;
    startedOn: string;
    createdBy: string;
    at: Date;
  }) => {
    await db
      .insertInto('supervision_links')
      .values({
        id: r.id,
        trust_id: r.trustId,
        organisation_id: r.organisationId,
        supervisor_id: r.supervisorId,
        supervisee_id: r.superviseeId,
        started_on: r.startedOn,
        ended_on: null,
        created_by: r.createdBy,
        created_at: r.at,
        ended_by: null,
      })
      .execute();
  },

  /** Ends an open link of this supervisor; false when there is no such open link. */
  end: async (trustId: string, supervisorId: string, linkId: string, endedOn: string, by: string): Promise<boolean> => {
    const result = await db
      .updateTable('supervision_links')
      .set({ ended_on: endedOn, ended_by: by })
      .where('trust_id', '=', trustId)
      .where('supervisor_id', '=', supervisorId)
      .where('id', '=', linkId)
      .where('ended_on', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** Whether the school lets supervisors decide their supervisees' evidence (off unless turned on). */
  supervisorsDecide: async (trustId: string, organisationId: string): Promise<boolean> =>
    (
      await db
        .selectFrom('school_supervision_settings')
        .select('supervisors_decide_evidence')
        .where('trust_id', '=', trustId)
        .where('organisation_id', '=', organisationId)
        .executeTakeFirst()
    )?.supervisors_decide_evidence === true,

  setSupervisorsDecide: async (trustId: string, organisationId: string, value: boolean, by: string, at: Date) => {
    await db
      .insertInto('school_supervision_settings')
      .values({ organisation_id: organisationId, trust_id: trustId, supervisors_decide_evidence: value, updated_by: by, updated_at: at })
      .onConflict((oc) => oc.column('organisation_id').doUpdateSet({ supervisors_decide_evidence: value, updated_by: by, updated_at: at }))
      .execute();
  },
});
