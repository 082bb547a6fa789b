import { z } from 'zod';
import { roleNames } from '../../../domain/policy/actor.ts';
import { defineForm } from '../kit/index.ts';

const headteacher = z
  .string()
  .optional()
  .transform((v) => v === 'yes');

/** A role to give an account (the account page and the invitation form): which role, held where, headteacher or not. */
export const roleFields = {
  role: z.enum(roleNames, { message: 'Choose a role' }),
  organisationId: z.uuid({ message: 'Choose where the role is held' }),
  headteacher,
};

export const RoleForm = defineForm(z.object(roleFields), { fallback: 'role' });

/** The role choices, by name ("school admin"), with the chosen (or else no) role selected. */
export const roleItems = (selected?: unknown) =>
  roleNames.map((r) => ({ value: r, text: r.replaceAll('_', ' '), selected: selected === r }));
