import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isAppError } from '../../../contracts/errors.ts';
import { type Actor, roleNames } from '../../../domain/policy/actor.ts';
import { accountMailDeps } from '../../../usecases/auth/account-mail-deps.ts';
import { invitableOrganisations, inviteUser } from '../../../usecases/auth/invitations.ts';
import type { AppContext } from '../../../usecases/context.ts';
import { renderPage } from '../views.ts';
import { signedInPage } from './people-page.ts';

const InviteForm = z.object({
  email: z.string().trim().min(1, 'Enter an email address'),
  role: z.enum(roleNames, { message: 'Choose a role' }),
  organisationId: z.uuid({ message: 'Choose where the role is held' }),
  headteacher: z
    .string()
    .optional()
    .transform((v) => v === 'yes'),
});

type FormErrors = { field: 'email' | 'role' | 'organisationId'; text: string }[];

/** Inviting a user (account.invite): an account with a role, and an emailed link to choose a password. */
export const registerInvitePages = (app: FastifyInstance, context: AppContext) => {
  const deps = (request: FastifyRequest) => accountMailDeps(context, request);

  const renderForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    actor: Actor,
    values: Record<string, unknown> = {},
    errors: FormErrors = [],
  ) =>
    renderPage(
      request,
      reply,
      '../users/invite',
      {
        values,
        errors,
        roleItems: roleNames.map((r) => ({ value: r, text: r.replaceAll('_', ' '), selected: values.role === r })),
        organisationItems: (await invitableOrganisations(deps(request), actor)).map((o) => ({
          value: o.id,
          text: o.kind === 'trust' ? `${o.name} (trust)` : o.name,
          selected: values.organisationId === o.id,
        })),
      },
      errors.length > 0 ? 400 : 200,
    );

  app.get(
    '/users/invite',
    signedInPage(async (request, reply, actor) => renderForm(request, reply, actor)),
  );

  app.post(
    '/users/invite',
    signedInPage(async (request, reply, actor) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const form = InviteForm.safeParse(body);
      if (!form.success) {
        const errors = form.error.issues.map((i) => ({ field: String(i.path[0]) as FormErrors[number]['field'], text: i.message }));
        return renderForm(request, reply, actor, body, errors);
      }
      try {
        const { userId } = await inviteUser(deps(request), actor, {
          email: form.data.email,
          roles: [{ role: form.data.role, organisationId: form.data.organisationId, headteacher: form.data.headteacher }],
        });
        return reply.redirect(`/users/${userId}`, 303);
      } catch (error) {
        if (isAppError(error) && (error.code === 'validation' || error.code === 'conflict')) {
          const field = error.details[0]?.where === 'roles' ? 'role' : 'email';
          return renderForm(request, reply, actor, body, [{ field, text: error.details[0]?.reason ?? error.message }]);
        }
        throw error;
      }
    }),
  );
};
