import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApiError } from '../../contracts/api/errors.ts';
import { IdParams, PeoplePage, PeopleQuery, PersonDetail, peopleFilterOf } from '../../contracts/api/people.ts';
import { isoDateOrNull as dayOf } from '../../store/dates.ts';
import type { AppContext } from '../../usecases/context.ts';
import { listPeople, showPerson } from '../../usecases/people/people.ts';

type Row = {
  id: string;
  organisation_id: string;
  organisation_name: string;
  given_name: string;
  family_name: string;
  work_email: string | null;
  staff_code: string | null;
  graded_role: string | null;
  job_title: string | null;
  specialisms: string[];
  left_on: Date | null;
};

const summaryOf = (r: Row) => ({
  id: r.id,
  organisationId: r.organisation_id,
  organisationName: r.organisation_name,
  givenName: r.given_name,
  familyName: r.family_name,
  workEmail: r.work_email,
  staffCode: r.staff_code,
  gradedRole: r.graded_role,
  jobTitle: r.job_title,
  specialisms: r.specialisms,
  leftOn: dayOf(r.left_on),
});

/** The staff directory, scoped to what the caller may read. */
export const registerPeopleRoutes = (app: FastifyInstance, context: AppContext) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const deps = (requestId: string) => ({ db: context.database.kysely, auditKey: context.keys.auditKey, requestId });

  api.get(
    '/people',
    {
      schema: {
        tags: ['people'],
        summary: 'Staff the caller may see, searched, filtered, sorted and one page at a time',
        querystring: PeopleQuery,
        response: { 200: PeoplePage, 401: ApiError, 403: ApiError },
      },
    },
    async (request) => {
      const result = await listPeople(deps(request.id), request.actor, peopleFilterOf(request.query));
      return { people: result.rows.map(summaryOf), total: result.total, page: result.page, pageSize: result.pageSize };
    },
  );

  api.get(
    '/people/:id',
    {
      schema: {
        tags: ['people'],
        summary: 'One person: details, posts, line manager and reports',
        params: IdParams,
        response: { 200: PersonDetail, 401: ApiError, 403: ApiError, 404: ApiError },
      },
    },
    async (request) => {
      const { person, posts, reports } = await showPerson(deps(request.id), request.actor, request.params.id);
      return {
        person: {
          ...summaryOf(person),
          hoursPerWeek: person.hours_per_week,
          weeksPerYear: person.weeks_per_year,
          startDate: dayOf(person.start_date),
          lineManager:
            person.line_manager_id && person.line_manager_name ? { id: person.line_manager_id, name: person.line_manager_name } : null,
        },
        posts: posts.map((p) => ({
          gradedRole: p.graded_role,
          roleValue: p.role_value,
          jobTitle: p.job_title,
          hoursPerWeek: p.hours_per_week,
          weeksPerYear: p.weeks_per_year,
        })),
        reports: reports.map((r) => ({
          id: r.id,
          name: `${r.given_name} ${r.family_name}`,
          gradedRole: r.graded_role,
          leftOn: dayOf(r.left_on),
        })),
      };
    },
  );
};
