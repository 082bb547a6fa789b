import formbody from '@fastify/formbody';
import type { FastifyInstance } from 'fastify';
import type { Actor } from '../../../domain/policy/actor.ts';
import { can } from '../../../domain/policy/can.ts';
import type { AppContext } from '../../../usecases/context.ts';
import { directoryNavigation } from '../../../usecases/people/navigation.ts';
import { listPeople, showPerson } from '../../../usecases/people/people.ts';
import { unreadCount } from '../../../usecases/portfolio/evidence/my-notifications.ts';
import { dayOf, IdParams, PeopleQuery, peopleFilterOf } from '../../api/people.types.ts';
import { renderNotFound } from '../errors.ts';
import { renderPage } from '../views.ts';
import { registerAuditPages } from './audit.ts';
import { registerOrganisationPages } from './organisations.ts';
import { pageDeps, signedInPage } from './people-page.ts';
import { paginationOf } from './people-pagination.ts';
import { registerUserPages } from './users.ts';

const sorts = [
  { value: 'name', text: 'Name' },
  { value: 'school', text: 'School' },
  { value: 'role', text: 'Graded role' },
  { value: 'start', text: 'Start date (newest first)' },
];

/** The header's links to the signed-in areas a user may use, and their unread notifications (the account menu). */
export const setUpDirectoryNavigation = (app: FastifyInstance, context: AppContext) => {
  app.addHook('preHandler', async (request, reply) => {
    if (request.actor.kind !== 'user') return;
    // Only pages show the header: API calls, assets and form posts skip the unread-count query.
    const page = request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/assets/');
    const unread = page ? await unreadCount({ db: context.database.kysely }, request.actor) : 0;
    reply.locals = { ...reply.locals, directoryNav: directoryNavigation(request.actor satisfies Actor), unreadNotifications: unread };
  });
};

/** The staff directory and person pages. */
export const registerPeoplePages = (app: FastifyInstance, context: AppContext) => {
  app.get(
    '/people',
    signedInPage(async (request, reply, actor) => {
      const parsed = PeopleQuery.safeParse(request.query);
      const query = parsed.success ? parsed.data : PeopleQuery.parse({});
      const result = await listPeople(pageDeps(context, request), actor, peopleFilterOf(query));
      const params = (page: number) => {
        const search = new URLSearchParams();
        for (const [key, value] of Object.entries({ ...query, page, pageSize: undefined })) {
          if (value !== undefined && value !== '' && value !== false) search.set(key, String(value));
        }
        return `/people?${search.toString()}`;
      };
      return renderPage(request, reply, '../people/list', {
        query,
        invalid: !parsed.success,
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
    signedInPage(async (request, reply, actor) => {
      const params = IdParams.safeParse(request.params);
      if (!params.success) return renderNotFound(request, reply);
      const shown = await showPerson(pageDeps(context, request), actor, params.data.id);
      const portfolio = {
        type: 'person',
        trustId: shown.person.trust_id,
        organisationId: shown.person.organisation_id,
        personId: shown.person.id,
      } as const;
      return renderPage(request, reply, '../people/person', {
        ...shown,
        // The next-step, route and role-fit pages are offered to whoever may read this person's portfolio (a line manager for their team).
        canSeeProgress: can(actor, 'person.readPortfolio', portfolio).allowed,
        leftOn: dayOf(shown.person.left_on),
        breadcrumbs: [
          { text: 'Home', href: '/' },
          { text: 'Staff', href: '/people' },
        ],
      });
    }),
  );
};

/** Everything of the directory area: staff, organisations, partnerships, users and the audit log (forms posted urlencoded). */
export const registerDirectoryPages = async (app: FastifyInstance, context: AppContext) => {
  await app.register(async (scope) => {
    if (!scope.hasContentTypeParser('application/x-www-form-urlencoded')) await scope.register(formbody);
    registerPeoplePages(scope, context);
    registerOrganisationPages(scope, context);
    registerUserPages(scope, context);
    registerAuditPages(scope, context);
  });
};
