import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { accountPage } from '../../../usecases/accounts-admin/account-page.ts';
import { assignRole, listAccounts, removeRole, setAccountDisabled } from '../../../usecases/accounts-admin/accounts.ts';
import { type FormErrors, paramsOf, queryOf, renderForm, renderPage, type SignedIn, signedInPage } from '../kit/index.ts';
import { paginationOf } from './people-pagination.ts';
import { RoleForm, roleItems } from './role-form.ts';
import { registerInvitePages } from './users-invite.ts';

const UserParams = z.object({ id: z.uuid() });
const AssignmentParams = z.object({ id: z.uuid(), assignmentId: z.uuid() });
const ListQuery = z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1) });

const pageSize = 50;

/** User management for trust and school admins: accounts in scope, their roles, disabling and enabling. */
export const registerUserPages = (app: FastifyInstance) => {
  registerInvitePages(app);
  app.get(
    '/users',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { page } = queryOf(ListQuery, request).query;
      const result = await listAccounts(deps, actor, { page, pageSize });
      return renderPage(request, reply, '../users/list', {
        ...result,
        ...paginationOf(result.total, page, pageSize, (n) => `/users?page=${n}`),
      });
    }),
  );

  const renderAccount = async (page: SignedIn, userId: string, errors?: FormErrors) => {
    const shown = await accountPage(page.deps, page.actor, userId);
    return renderForm(
      page,
      '../users/account',
      {
        ...shown,
        roleItems: roleItems(shown.defaultRole),
        organisationItems: shown.assignable.map((o) => ({ value: o.id, text: o.name })),
      },
      errors,
    );
  };

  app.get(
    '/users/:id',
    signedInPage((page) => renderAccount(page, paramsOf(UserParams, page.request).id)),
  );

  app.post(
    '/users/:id/roles',
    signedInPage(async (page) => {
      const { request, reply, actor, deps } = page;
      const { id } = paramsOf(UserParams, request);
      const form = RoleForm.parse(request.body);
      if (!form.ok) return renderAccount(page, id, form.errors);
      try {
        await assignRole(deps, actor, id, form.values);
      } catch (error) {
        if (RoleForm.refuses(error)) return renderAccount(page, id, RoleForm.errorsOf(error, { withMessage: true }));
        throw error;
      }
      return reply.redirectWithFlash(`/users/${id}`, 'Role given');
    }),
  );

  app.post(
    '/users/:id/roles/:assignmentId/remove',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id, assignmentId } = paramsOf(AssignmentParams, request);
      await removeRole(deps, actor, id, assignmentId);
      return reply.redirectWithFlash(`/users/${id}`, 'Role removed');
    }),
  );

  for (const [path, disabled] of [
    ['/users/:id/disable', true],
    ['/users/:id/enable', false],
  ] as const) {
    app.post(
      path,
      signedInPage(async (page) => {
        const { request, reply, actor, deps } = page;
        const { id } = paramsOf(UserParams, request);
        try {
          await setAccountDisabled(deps, actor, id, disabled);
        } catch (error) {
          if (RoleForm.refuses(error)) return renderAccount(page, id, RoleForm.errorsOf(error, { withMessage: true }));
          throw error;
        }
        return reply.redirectWithFlash(`/users/${id}`, disabled ? 'Account disabled' : 'Account enabled');
      }),
    );
  }
};
