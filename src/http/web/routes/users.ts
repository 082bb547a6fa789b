import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isAppError } from '../../../contracts/errors.ts';
import { type Actor, roleNames } from '../../../domain/policy/actor.ts';
import { assignRole, listAccounts, removeRole, setAccountDisabled, showAccount } from '../../../usecases/accounts-admin/accounts.ts';
import type { AppContext } from '../../../usecases/context.ts';
import { renderNotFound } from '../errors.ts';
import { renderPage } from '../views.ts';
import { pageDeps, signedInPage } from './people-page.ts';
import { paginationOf } from './people-pagination.ts';
import { registerInvitePages } from './users-invite.ts';

const UserParams = z.object({ id: z.uuid() });
const AssignmentParams = z.object({ id: z.uuid(), assignmentId: z.uuid() });
const ListQuery = z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1) });
const RoleForm = z.object({
  role: z.enum(roleNames, { message: 'Choose a role' }),
  organisationId: z.uuid({ message: 'Choose where the role is held' }),
  headteacher: z
    .string()
    .optional()
    .transform((v) => v === 'yes'),
});

const pageSize = 50;

/** User management for trust and school admins: accounts in scope, their roles, disabling and enabling. */
export const registerUserPages = (app: FastifyInstance, context: AppContext) => {
  registerInvitePages(app, context);
  app.get(
    '/users',
    signedInPage(async (request, reply, actor) => {
      const query = ListQuery.safeParse(request.query);
      const page = query.success ? query.data.page : 1;
      const result = await listAccounts(pageDeps(context, request), actor, { page, pageSize });
      return renderPage(request, reply, '../users/list', {
        ...result,
        ...paginationOf(result.total, page, pageSize, (n) => `/users?page=${n}`),
      });
    }),
  );

  const renderAccount = async (request: FastifyRequest, reply: FastifyReply, actor: Actor, userId: string, error?: string) => {
    const shown = await showAccount(pageDeps(context, request), actor, userId);
    return renderPage(
      request,
      reply,
      '../users/account',
      {
        ...shown,
        error,
        roleItems: roleNames.map((r) => ({ value: r, text: r.replaceAll('_', ' ') })),
        organisationItems: shown.assignable.map((o) => ({ value: o.id, text: o.name })),
        isSelf: actor.userId === shown.account.id,
      },
      error ? 400 : 200,
    );
  };

  app.get(
    '/users/:id',
    signedInPage(async (request, reply, actor) => {
      const params = UserParams.safeParse(request.params);
      if (!params.success) return renderNotFound(request, reply);
      return renderAccount(request, reply, actor, params.data.id);
    }),
  );

  app.post(
    '/users/:id/roles',
    signedInPage(async (request, reply, actor) => {
      const params = UserParams.safeParse(request.params);
      if (!params.success) return renderNotFound(request, reply);
      const form = RoleForm.safeParse(request.body ?? {});
      if (!form.success) return renderAccount(request, reply, actor, params.data.id, form.error.issues[0]?.message ?? 'Check the role');
      try {
        await assignRole(pageDeps(context, request), actor, params.data.id, form.data);
      } catch (error) {
        if (isAppError(error) && (error.code === 'validation' || error.code === 'conflict'))
          return renderAccount(request, reply, actor, params.data.id, error.message);
        throw error;
      }
      return reply.redirect(`/users/${params.data.id}`, 303);
    }),
  );

  app.post(
    '/users/:id/roles/:assignmentId/remove',
    signedInPage(async (request, reply, actor) => {
      const params = AssignmentParams.safeParse(request.params);
      if (!params.success) return renderNotFound(request, reply);
      await removeRole(pageDeps(context, request), actor, params.data.id, params.data.assignmentId);
      return reply.redirect(`/users/${params.data.id}`, 303);
    }),
  );

  for (const [path, disabled] of [
    ['/users/:id/disable', true],
    ['/users/:id/enable', false],
  ] as const) {
    app.post(
      path,
      signedInPage(async (request, reply, actor) => {
        const params = UserParams.safeParse(request.params);
        if (!params.success) return renderNotFound(request, reply);
        try {
          await setAccountDisabled(pageDeps(context, request), actor, params.data.id, disabled);
        } catch (error) {
          if (isAppError(error) && error.code === 'validation') return renderAccount(request, reply, actor, params.data.id, error.message);
          throw error;
        }
        return reply.redirect(`/users/${params.data.id}`, 303);
      }),
    );
  }
};
