import type { Kysely } from 'kysely';
import { AppError } from '../../contracts/errors.ts';
import type { Actor, RoleName } from '../../domain/policy/actor.ts';
import type { Tables } from '../../store/tables.ts';
import { describeSignedInUser } from '../auth/sign-in.ts';
import type { HomeLink } from './signed-in-home.ts';

const roleWords: Record<RoleName, string> = {
  trust_admin: 'Trust administrator',
  school_admin: 'School administrator',
  line_manager: 'Line manager',
  staff: 'Member of staff',
  assessor: 'Assessor',
  partnership_coordinator: 'Partnership coordinator',
};

export type MyAccount = { name: string; email: string; roles: string[]; links: HomeLink[] };

/** The signed-in user's own account: who they are, their roles in words, and what they can change. */
export const myAccount = async (db: Kysely<Tables>, actor: Actor): Promise<MyAccount> => {
  const user = await describeSignedInUser(db, actor.userId);
  if (!user) throw new AppError('unauthenticated', 'Sign in to continue');
  const roles = [...new Set(actor.assignments.map((a) => roleWords[a.role]))];
  return {
    name: user.name,
    email: user.email,
    roles,
    links: [
      { href: '/account/password', text: 'Change your password' },
      ...(actor.personId ? [{ href: `/people/${actor.personId}`, text: 'Your staff record' }] : []),
      { href: '/notifications', text: 'Notifications' },
    ],
  };
};
