import type { RoleName } from './actor.ts';
import { grants } from './grants.ts';

/** How many actions the grant table gives a role (the grants everyone has left out). */
const grantedActionCount = (role: RoleName): number =>
  grants.filter((g) => g.roles !== 'anyone' && g.roles.includes(role)).reduce((n, g) => n + g.actions.length, 0);

/**
 * Of the roles offered, the one the grant table gives least: what a form that hands out roles
 * chooses first, so that more power is always a deliberate choice. Ties keep the order offered.
 */
export const leastPrivilegedRole = (roles: readonly RoleName[]): RoleName | undefined =>
  roles.reduce<RoleName | undefined>(
    (least, role) => (least === undefined || grantedActionCount(role) < grantedActionCount(least) ? role : least),
    undefined,
  );
