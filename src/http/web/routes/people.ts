import type { FastifyInstance } from 'fastify';
import { IdParams, PeopleQuery, peopleFilterOf } from '../../../contracts/api/people.ts';
import { isoDateOrNull as dayOf } from '../../../store/dates.ts';
import { listPeople } from '../../../usecases/people/people.ts';
import { personPage } from '../../../usecases/people/person-page.ts';
import { paramsOf, queryOf, renderPage, signedInPage } from '../kit/index.ts';
import { registerAuditPages } from './audit.ts';
import { registerOrganisationPages } from './organisations.ts';
import { paginationOf } from './people-pagination.ts';
import { registerUserPages } from './users.ts';

const sorts = [
  { value: 'name', text: 'Name' },
  { value: 'school', text: 'School' },
  { value: 'role', text: 'Graded role' },
  { value: 'start', text: 'Start date (newest first)' },
];

/** The staff directory and person pages. */
export const registerPeoplePages = (app: FastifyInstance) => {
  app.get(
    '/people',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { query, invalid } = queryOf(PeopleQuery, request);
      const result = await listPeople(deps, actor, peopleFilterOf(query));
      const params = (page: number) => {
        const search = new URLSearchParams();
        for (const [key, value] of Object.entries({ ...query, page, pageSize: undefined })) {
          if (value !== undefined && value !== '' && value !== false) search.set(key, String(value));
        }
        return `/people?${search.toString()}`;
      };
      return renderPage(request, reply, '../people/list', {
        query,
        invalid,
        people: result.rows,
        total: result.total,
        ...paginationOf(result.total, result.page, result.pageSize, params),
        sorts: sorts.map((s) => ({ ...s, selected: s.value === query.sort })),
        schoolItems: [
          { value: '', text: 'All schools' },
          ...result.schools.map((s) => ({ value: s.id, text: s.name, selected: s.id === query.school })),
        ],
      });
    }),
  );

  app.get(
    '/people/:id',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const shown = await personPage(deps, actor, paramsOf(IdParams, request).id);
      return renderPage(request, reply, '../people/person', {
        ...shown,
        leftOn: dayOf(shown.person.left_on),
        breadcrumbs: [
          { text: 'Home', href: '/' },
          { text: 'Staff', href: '/people' },
        ],
      });
    }),
  );
};

/** Everything of the directory area: staff, organisations, partnerships, users and the audit log. */
export const registerDirectoryPages = (app: FastifyInstance) => {
  registerPeoplePages(app);
  registerOrganisationPages(app);
  registerUserPages(app);
  registerAuditPages(app);
};
