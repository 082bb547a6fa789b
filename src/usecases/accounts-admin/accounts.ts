import { AppError } from '../../contracts/errors.ts';
import type { Actor, Anonymous, RoleName } from '../../domain/policy/actor.ts';
import { can } from '../../domain/policy/can.ts';
import type { Resource } from '../../domain/policy/resource.ts';
import { accounts } from '../../store/accounts.ts';
import { audit } from '../../store/audit.ts';
import { directory } from '../../store/directory.ts';
import { sessions } from '../../store/sessions.ts';
import { type AuthorizeDeps, authorize } from '../authorize.ts';
import { authorizeList, signedInUser } from '../people/scope.ts';

export type AccountsDeps = AuthorizeDeps & { clock: () => Date; newId?: () => string };

const accountResource = (account: { id: string; trust_id: string; organisation_id: string }, organisationId = account.organisation_id) =>
  ({ type: 'account', trustId: account.trust_id, organisationId, userId: account.id }) satisfies Resource;

const findAccountOrRefuse = async (deps: AuthorizeDeps, actor: Actor | Anonymous, userId: string) => {
  const account = await directory(deps.db).findAccount(userId);
  if (account) return account;
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated', 'Sign in to continue');
  throw new AppError('not_found', 'There is no such account');
};

/** User accounts the actor may read (trust admins: their trust; school admins: their school), with their roles. */
export const listAccounts = async (deps: AuthorizeDeps, actor: Actor | Anonymous, page: { page: number; pageSize: number }) => {
  const scope = await authorizeList(deps, actor, 'account.read', (trustId, organisationId) => ({
    type: 'account',
    trustId,
    organisationId,
    userId: 'list',
  }));
  const store = directory(deps.db);
  const { rows, total } = await store.listAccounts(scope, { offset: (page.page - 1) * page.pageSize, limit: page.pageSize });
  const roles = await store.rolesOf(rows.map((r) => r.id));
  // "Invite a user" is offered only to those who may invite at one of their organisations.
  const invite =
    actor.kind === 'user' &&
    actor.assignments.some(
      (a) => can(actor, 'account.invite', { type: 'account', trustId: a.trustId, organisationId: a.organisationId, userId: 'new' }).allowed,
    );
  return { accounts: rows.map((row) => ({ ...row, roles: roles.filter((r) => r.user_id === row.id) })), total, ...page, can: { invite } };
};

/** One account with its roles (account.read). */
export const showAccount = async (deps: AuthorizeDeps, actor: Actor | Anonymous, userId: string) => {
  const account = await findAccountOrRefuse(deps, actor, userId);
  await authorize(deps, actor, 'account.read', accountResource(account));
  const store = directory(deps.db);
  const trust = await store.findOrganisation(account.trust_id);
  const candidates = [...(trust ? [trust] : []), ...(await store.listSchools(account.trust_id))];
  // Where the actor could give this account a role: offered on the page, checked again on assignment.
  const assignable = candidates.filter((o) => can(actor, 'account.assignRoles', accountResource(account, o.id)).allowed);
  return { account, roles: await store.rolesOf([account.id]), assignable };
};

export type RoleToAssign = { role: RoleName; organisationId: string; headteacher: boolean };

/**
 * Gives an account a role at an organisation. The actor needs account.assignRoles both over the account
 * and at the organisation the role is held at, so a school admin can only hand out roles at their school.
 */
export const assignRole = async (deps: AccountsDeps, actor: Actor | Anonymous, userId: string, input: RoleToAssign) => {
  const account = await findAccountOrRefuse(deps, actor, userId);
  await authorize(deps, actor, 'account.assignRoles', accountResource(account));
  const store = directory(deps.db);
  const organisation = await store.findOrganisation(input.organisationId);
  if (!organisation || organisation.trust_id !== account.trust_id)
    throw new AppError('validation', 'Choose an organisation in the account’s trust', [
      { where: 'organisationId', reason: 'not in this trust' },
    ]);
  await authorize(deps, actor, 'account.assignRoles', accountResource(account, organisation.id));
  const user = signedInUser(actor);
  if (input.role === 'trust_admin' && organisation.kind !== 'trust')
    throw new AppError('validation', 'A trust admin is assigned at the trust', [{ where: 'organisationId', reason: 'not the trust' }]);
  if (input.headteacher && (input.role !== 'school_admin' || organisation.kind !== 'school'))
    throw new AppError('validation', 'Only a school admin at a school can be its headteacher', [
      { where: 'headteacher', reason: 'not a school admin at a school' },
    ]);
  const existing = (await store.rolesOf([account.id])).find((r) => r.role === input.role && r.organisation_id === organisation.id);
  if (existing) throw new AppError('conflict', 'The account already has this role here');
  if (input.headteacher && (await store.headteacherOf(organisation.id)))
    throw new AppError('conflict', `${organisation.name} already has a headteacher: remove that mark first`);
  const id = (deps.newId ?? (() => crypto.randomUUID()))();
  await deps.db.transaction().execute(async (trx) => {
    await accounts(trx).assignRole({
      id,
      trust_id: account.trust_id,
      user_id: account.id,
      role: input.role,
      organisation_id: organisation.id,
      headteacher: input.headteacher,
    });
    await audit(trx, deps.auditKey).record({
      trustId: account.trust_id,
      actor: user.userId,
      action: 'role.assigned',
      entity: 'role_assignment',
      entityId: id,
      data: {
        userId: account.id,
        organisationId: organisation.id,
        before: null,
        after: { role: input.role, headteacher: input.headteacher },
      },
      requestId: deps.requestId ?? null,
      occurredAt: deps.clock(),
    });
  });
  return id;
};

/** Takes a role assignment away (account.assignRoles over the account and at the assignment's organisation). */
export const removeRole = async (deps: AccountsDeps, actor: Actor | Anonymous, userId: string, assignmentId: string) => {
  const account = await findAccountOrRefuse(deps, actor, userId);
  await authorize(deps, actor, 'account.assignRoles', accountResource(account));
  const store = directory(deps.db);
  const assignment = await store.findRoleAssignment(assignmentId);
  if (!assignment || assignment.user_id !== account.id) throw new AppError('not_found', 'There is no such role assignment');
  await authorize(deps, actor, 'account.assignRoles', accountResource(account, assignment.organisation_id));
  const user = signedInUser(actor);
  await deps.db.transaction().execute(async (trx) => {
    await directory(trx).removeRoleAssignment(assignment.id);
    await audit(trx, deps.auditKey).record({
      trustId: account.trust_id,
      actor: user.userId,
      action: 'role.removed',
      entity: 'role_assignment',
      entityId: assignment.id,
      data: {
        userId: account.id,
        organisationId: assignment.organisation_id,
        before: { role: assignment.role, headteacher: assignment.headteacher },
        after: null,
      },
      requestId: deps.requestId ?? null,
      occurredAt: deps.clock(),
    });
  });
};

/** Disables an account (ending all its sessions at once) or enables it again. Nobody disables themselves. */
export const setAccountDisabled = async (deps: AccountsDeps, actor: Actor | Anonymous, userId: string, disabled: boolean) => {
  const account = await findAccountOrRefuse(deps, actor, userId);
  await authorize(deps, actor, 'account.disable', accountResource(account));
  const user = signedInUser(actor);
  if (disabled && user.userId === account.id) throw new AppError('validation', 'You cannot disable your own account');
  if ((account.disabled_at !== null) === disabled) return { changed: false };
  const now = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    await directory(trx).setAccountDisabled(account.id, disabled ? now : null);
    if (disabled) await sessions(trx).revokeAllForUser(account.id, 'account disabled', now);
    await audit(trx, deps.auditKey).record({
      trustId: account.trust_id,
      actor: user.userId,
      action: disabled ? 'account.disabled' : 'account.enabled',
      entity: 'user_account',
      entityId: account.id,
      data: { before: { disabledAt: account.disabled_at }, after: { disabledAt: disabled ? now : null } },
      requestId: deps.requestId ?? null,
      occurredAt: now,
    });
  });
  return { changed: true };
};
