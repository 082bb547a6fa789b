import { type Kysely, sql } from 'kysely';
import type { Confirmation, Enrolment, EnrolmentStatus, EnrolmentStatusChange } from '../../domain/apprenticeships/enrolment.ts';
import { isoDateOf, isoDateOrNull } from '../dates.ts';
import type { Tables } from '../tables.ts';

/** What an enrolment holds that its owner writes (the rest is derived or stamped). */
export type EnrolmentFields = {
  programme: string;
  optionCode: string | null;
  providerId: string;
  startDate: string;
  plannedEndDate: string;
  contractedHoursPerWeek: number;
  ageAtStart: number;
  priorLearningHours: number;
  priorLearningItems: string[];
  fixedMinimum: { hours: number; source: string } | null;
};

const nameOf = (given: string | null, family: string | null, email: string | null): string | null =>
  given !== null && family !== null ? `${given} ${family}`.trim() : email;

const itemsOf = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

const fieldsRow = (f: EnrolmentFields) => ({
  programme: f.programme,
  option_code: f.optionCode,
  provider_id: f.providerId,
  start_date: f.startDate,
  planned_end_date: f.plannedEndDate,
  contracted_hours_per_week: f.contractedHoursPerWeek,
  age_at_start: f.ageAtStart,
  prior_learning_hours: f.priorLearningHours,
  prior_learning_items: JSON.stringify(f.priorLearningItems),
  fixed_minimum_hours: f.fixedMinimum?.hours ?? null,
  fixed_minimum_source: f.fixedMinimum?.source ?? null,
});

/** The enrolments table: rows ↔ Enrolment values, no product logic. Reads by id do not scope: the use-case authorizes. */
export const enrolments = (db: Kysely<Tables>) => {
  const base = () =>
    db
      .selectFrom('enrolments as e')
      .innerJoin('people as p', 'p.id', 'e.person_id')
      .innerJoin('organisations as em', 'em.id', 'e.employer_id')
      .innerJoin('organisations as pr', 'pr.id', 'e.provider_id')
      .leftJoin('user_accounts as eu', 'eu.id', 'e.employer_confirmed_by')
      .leftJoin('people as ep', 'ep.id', 'eu.person_id')
      .leftJoin('user_accounts as pu', 'pu.id', 'e.provider_confirmed_by')
      .leftJoin('people as pp', 'pp.id', 'pu.person_id')
      .selectAll('e')
      .select([
        'p.given_name',
        'p.family_name',
        'em.name as employer_name',
        'pr.name as provider_name',
        'eu.email as ec_email',
        'ep.given_name as ec_given',
        'ep.family_name as ec_family',
        'pu.email as pc_email',
        'pp.given_name as pc_given',
        'pp.family_name as pc_family',
      ]);
  type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;
  const confirmation = (
    by: string | null,
    at: Date | null,
    given: string | null,
    family: string | null,
    email: string | null,
  ): Confirmation | null => (by && at ? { userId: by, name: nameOf(given, family, email), at } : null);
  const toEnrolment = (r: Row): Enrolment => ({
    id: r.id,
    trustId: r.trust_id,
    personId: r.person_id,
    personName: `${r.given_name} ${r.family_name}`.trim(),
    employerId: r.employer_id,
    employerName: r.employer_name,
    providerId: r.provider_id,
    providerName: r.provider_name,
    programme: r.programme,
    optionCode: r.option_code,
    startDate: isoDateOf(r.start_date),
    plannedEndDate: isoDateOf(r.planned_end_date),
    contractedHoursPerWeek: Number(r.contracted_hours_per_week),
    ageAtStart: r.age_at_start,
    priorLearningHours: Number(r.prior_learning_hours),
    priorLearningItems: itemsOf(r.prior_learning_items),
    fixedMinimum:
      r.fixed_minimum_hours !== null && r.fixed_minimum_source !== null
        ? { hours: Number(r.fixed_minimum_hours), source: r.fixed_minimum_source }
        : null,
    status: r.status,
    employerConfirmation: confirmation(r.employer_confirmed_by, r.employer_confirmed_at, r.ec_given, r.ec_family, r.ec_email),
    providerConfirmation: confirmation(r.provider_confirmed_by, r.provider_confirmed_at, r.pc_given, r.pc_family, r.pc_email),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });

  return {
    /** One enrolment by id, whoever's it is (the caller authorizes before showing it). */
    get: async (id: string): Promise<Enrolment | undefined> => {
      const row = await base().where('e.id', '=', id).executeTakeFirst();
      return row ? toEnrolment(row) : undefined;
    },

    /** Locks the enrolment row for a change in the caller's transaction. */
    lock: async (trustId: string, id: string) =>
      db
        .selectFrom('enrolments')
        .select(['id', 'status'])
        .where('trust_id', '=', trustId)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst(),

    /** The enrolments of one person in their trust, newest start first. */
    listForPerson: async (trustId: string, personId: string): Promise<Enrolment[]> =>
      (await base().where('e.trust_id', '=', trustId).where('e.person_id', '=', personId).orderBy('e.start_date', 'desc').execute()).map(
        toEnrolment,
      ),

    /** The enrolments with one employer (a school), by apprentice name. */
    listForEmployer: async (trustId: string, employerIds: readonly string[] | 'all'): Promise<Enrolment[]> => {
      if (employerIds !== 'all' && employerIds.length === 0) return [];
      let q = base().where('e.trust_id', '=', trustId);
      if (employerIds !== 'all') q = q.where('e.employer_id', 'in', employerIds);
      return (await q.orderBy('p.family_name').orderBy('p.given_name').orderBy('e.start_date', 'desc').execute()).map(toEnrolment);
    },

    /** The enrolments of people in a list (a line manager's reports), by name. */
    listForPeople: async (personIds: readonly string[]): Promise<Enrolment[]> => {
      if (personIds.length === 0) return [];
      return (
        await base()
          .where('e.person_id', 'in', personIds)
          .orderBy('p.family_name')
          .orderBy('p.given_name')
          .orderBy('e.start_date', 'desc')
          .execute()
      ).map(toEnrolment);
    },

    /** A provider's caseload: every enrolment with the providers, across employers and trusts. */
    listForProviders: async (providerIds: readonly string[]): Promise<Enrolment[]> => {
      if (providerIds.length === 0) return [];
      return (
        await base()
          .where('e.provider_id', 'in', providerIds)
          .orderBy('p.family_name')
          .orderBy('p.given_name')
          .orderBy('e.start_date', 'desc')
          .execute()
      ).map(toEnrolment);
    },

    /** The people enrolled with the providers where the user is an assessor: the assessor scope. */
    apprenticeIdsOfAssessor: async (userId: string): Promise<string[]> => {
      const rows = await db
        .selectFrom('enrolments as e')
        .innerJoin('role_assignments as ra', (j) => j.onRef('ra.organisation_id', '=', 'e.provider_id'))
        .select('e.person_id')
        .distinct()
        .where('ra.user_id', '=', userId)
        .where('ra.role', '=', 'assessor')
        .execute();
      return rows.map((r) => r.person_id);
    },

    insert: async (
      r: { id: string; trustId: string; personId: string; employerId: string; createdBy: string | null; at: Date } & EnrolmentFields,
    ) => {
      await db
        .insertInto('enrolments')
        .values({
          id: r.id,
          trust_id: r.trustId,
          person_id: r.personId,
          employer_id: r.employerId,
          ...fieldsRow(r),
          status: 'on_programme',
          created_by: r.createdBy,
          created_at: r.at,
          updated_at: r.at,
        })
        .execute();
    },

    update: async (trustId: string, id: string, fields: EnrolmentFields, at: Date) => {
      await db
        .updateTable('enrolments')
        .set({ ...fieldsRow(fields), updated_at: at })
        .where('trust_id', '=', trustId)
        .where('id', '=', id)
        .execute();
    },

    setStatus: async (trustId: string, id: string, status: EnrolmentStatus, at: Date) => {
      await db.updateTable('enrolments').set({ status, updated_at: at }).where('trust_id', '=', trustId).where('id', '=', id).execute();
    },

    /** Records (or, with null, withdraws) the employer's or the provider's Gateway to Completion confirmation. */
    setConfirmation: async (trustId: string, id: string, party: 'employer' | 'provider', by: string | null, at: Date) => {
      const set =
        party === 'employer'
          ? { employer_confirmed_by: by, employer_confirmed_at: by ? at : null }
          : { provider_confirmed_by: by, provider_confirmed_at: by ? at : null };
      await db
        .updateTable('enrolments')
        .set({ ...set, updated_at: at })
        .where('trust_id', '=', trustId)
        .where('id', '=', id)
        .execute();
    },

    /** The status history, oldest first. */
    history: async (trustId: string, enrolmentId: string): Promise<EnrolmentStatusChange[]> => {
      const rows = await db
        .selectFrom('enrolment_status_changes as s')
        .leftJoin('user_accounts as u', 'u.id', 's.recorded_by')
        .leftJoin('people as p', 'p.id', 'u.person_id')
        .selectAll('s')
        .select(['u.email', 'p.given_name', 'p.family_name'])
        .where('s.trust_id', '=', trustId)
        .where('s.enrolment_id', '=', enrolmentId)
        .orderBy('s.effective_from')
        .orderBy('s.recorded_at')
        .orderBy('s.id')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        status: r.status,
        effectiveFrom: isoDateOf(r.effective_from),
        effectiveTo: isoDateOrNull(r.effective_to),
        grade: r.grade,
        reason: r.reason,
        recordedBy: r.recorded_by,
        recordedByName: nameOf(r.given_name, r.family_name, r.email),
        recordedAt: r.recorded_at,
      }));
    },

    /** The histories of many enrolments at once (a caseload), keyed by enrolment id. */
    histories: async (
      enrolmentIds: readonly string[],
    ): Promise<Map<string, { status: EnrolmentStatus; effectiveFrom: string; effectiveTo: string | null }[]>> => {
      const out = new Map<string, { status: EnrolmentStatus; effectiveFrom: string; effectiveTo: string | null }[]>();
      if (enrolmentIds.length === 0) return out;
      const rows = await db
        .selectFrom('enrolment_status_changes')
        .select(['enrolment_id', 'status', 'effective_from', 'effective_to'])
        .where('enrolment_id', 'in', enrolmentIds)
        .orderBy('enrolment_id')
        .orderBy('effective_from')
        .orderBy('recorded_at')
        .execute();
      for (const r of rows) {
        const list = out.get(r.enrolment_id) ?? [];
        list.push({ status: r.status, effectiveFrom: isoDateOf(r.effective_from), effectiveTo: isoDateOrNull(r.effective_to) });
        out.set(r.enrolment_id, list);
      }
      return out;
    },

    insertStatusChange: async (r: {
      id: string;
      trustId: string;
      enrolmentId: string;
      status: EnrolmentStatus;
      effectiveFrom: string;
      effectiveTo: string | null;
      grade: string | null;
      reason: string | null;
      recordedBy: string | null;
      at: Date;
    }) => {
      await db
        .insertInto('enrolment_status_changes')
        .values({
          id: r.id,
          trust_id: r.trustId,
          enrolment_id: r.enrolmentId,
          status: r.status,
          effective_from: r.effectiveFrom,
          effective_to: r.effectiveTo,
          grade: r.grade,
          reason: r.reason,
          recorded_by: r.recordedBy,
          recorded_at: r.at,
        })
        .execute();
    },

    /** Moves a status change's first day (the first row, when the start date is corrected). */
    moveStatusChange: async (trustId: string, id: string, effectiveFrom: string) => {
      await db
        .updateTable('enrolment_status_changes')
        .set({ effective_from: effectiveFrom })
        .where('trust_id', '=', trustId)
        .where('id', '=', id)
        .execute();
    },

    /** Closes the open break in learning (the apprentice returns): its last day is the day before the return. */
    closeOpenBreak: async (trustId: string, enrolmentId: string, lastDay: string) => {
      await db
        .updateTable('enrolment_status_changes')
        .set({ effective_to: lastDay })
        .where('trust_id', '=', trustId)
        .where('enrolment_id', '=', enrolmentId)
        .where('status', '=', 'break_in_learning')
        .where('effective_to', 'is', null)
        .execute();
    },

    /** Current staff a user may enrol: everyone in the trust, or at the given schools, by name. */
    enrollablePeople: async (
      trustId: string,
      organisationIds: readonly string[] | 'all',
    ): Promise<{ id: string; name: string; schoolName: string }[]> => {
      if (organisationIds !== 'all' && organisationIds.length === 0) return [];
      let q = db
        .selectFrom('people as p')
        .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
        .select(['p.id', 'p.given_name', 'p.family_name', 'o.name as school_name'])
        .where('p.trust_id', '=', trustId)
        .where('p.left_on', 'is', null);
      if (organisationIds !== 'all') q = q.where('p.organisation_id', 'in', organisationIds);
      const rows = await q.orderBy('p.family_name').orderBy('p.given_name').limit(5000).execute();
      return rows.map((r) => ({ id: r.id, name: `${r.given_name} ${r.family_name}`, schoolName: r.school_name }));
    },

    /** Training providers (organisations of kind provider), by name, for choosing one on an enrolment. */
    providers: async (): Promise<{ id: string; name: string }[]> =>
      db.selectFrom('organisations').select(['id', 'name']).where('kind', '=', 'provider').orderBy('name').execute(),

    /** The providers where the user holds the assessor role. */
    providerIdsOfAssessor: async (userId: string): Promise<string[]> =>
      (
        await db
          .selectFrom('role_assignments')
          .select('organisation_id')
          .distinct()
          .where('user_id', '=', userId)
          .where('role', '=', 'assessor')
          .execute()
      ).map((r) => r.organisation_id),

    /** Counts rows, for tests that check a refused change left nothing behind. */
    countStatusChanges: async (enrolmentId: string): Promise<number> =>
      Number(
        (
          await db
            .selectFrom('enrolment_status_changes')
            .select(sql<number>`count(*)`.as('n'))
            .where('enrolment_id', '=', enrolmentId)
            .executeTakeFirstOrThrow()
        ).n,
      ),
  };
};
export type Enrolments = ReturnType<typeof enrolments>;
