import type { RoleName } from '../policy/actor.ts';

/**
 * The roles whose holders see personal data of many people, so must use a second factor (the DfE
 * cyber security standards for schools ask for it). The one place this list is written down.
 */
export const mfaRequiredRoles = ['trust_admin', 'school_admin', 'assessor'] as const satisfies readonly RoleName[];

const required: ReadonlySet<RoleName> = new Set(mfaRequiredRoles);

export type MfaSituation = {
  roles: readonly RoleName[];
  /** A demo account on a demo instance: exempt, so anyone can try the demo. */
  demoExempt: boolean;
  /** The account has already enrolled an authenticator (then it is always asked for). */
  enrolled: boolean;
};

export type MfaStep = 'none' | 'enrol' | 'challenge';

/**
 * What a password sign-in must still do: nothing, enrol an authenticator (required but not yet set
 * up), or answer a challenge (enrolled, whether required or chosen).
 */
export const mfaStepAfterPassword = (situation: MfaSituation): MfaStep => {
  if (situation.demoExempt) return 'none';
  if (situation.enrolled) return 'challenge';
  return situation.roles.some((r) => required.has(r)) ? 'enrol' : 'none';
};
