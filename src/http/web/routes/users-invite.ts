import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { inviteUser } from '../../../usecases/auth/invitations.ts';
import { invitePage } from '../../../usecases/auth/invite-page.ts';
import { defineForm, type FormErrors, type Posted, renderForm, type SignedIn, signedInPage, submitForm } from '../kit/index.ts';
import { roleFields, roleItems } from './role-form.ts';

const InviteForm = defineForm(z.object({ email: z.string().trim().min(1, 'Enter an email address'), ...roleFields }));

/** A use-case's `where` for the roles list names the role field. */
const fieldOfWhere = (where: string) => (where.startsWith('roles') ? 'role' : undefined);

/** Inviting a user (account.invite): an account with a role, and an emailed link to choose a password. */
export const registerInvitePages = (app: FastifyInstance) => {
  const renderInvite = async (page: SignedIn, posted: Posted = {}, errors?: FormErrors) => {
    const invite = await invitePage(page.deps, page.actor);
    return renderForm(
      page,
      '../users/invite',
      {
        can: invite.can,
        values: posted,
        roleItems: roleItems(posted.role ?? invite.defaultRole),
        organisationItems: invite.organisations.map((o) => ({
          value: o.id,
          text: o.kind === 'trust' ? `${o.name} (trust)` : o.name,
          selected: posted.organisationId === o.id,
        })),
      },
      errors,
    );
  };

  app.get(
    '/users/invite',
    signedInPage((page) => renderInvite(page)),
  );

  app.post(
    '/users/invite',
    signedInPage((page) =>
      submitForm(InviteForm, page.request.body, {
        save: async ({ email, role, organisationId, headteacher }) => ({
          email,
          ...(await inviteUser(page.deps, page.actor, { email, roles: [{ role, organisationId, headteacher }] })),
        }),
        again: (errors, posted) => renderInvite(page, posted, errors),
        done: ({ email, userId }) => page.reply.redirectWithFlash(`/users/${userId}`, `Invitation sent to ${email}`),
        errorOptions: { fieldOf: fieldOfWhere },
      }),
    ),
  );
};
