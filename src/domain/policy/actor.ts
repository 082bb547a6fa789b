/** The roles a user account can be assigned; permissions are the union over a user's assignments. */
export const roleNames = ['trust_admin', 'school_admin', 'line_manager', 'staff', 'assessor', 'partnership_coordinator'] as const;
export type RoleName = (typeof roleNames)[number];

/** One role held at one organisation (a trust for trust admins, a school otherwise, a provider for assessors). */
export type RoleAssignment = { role: RoleName; trustId: string; organisationId: string; headteacher?: boolean };

/** Who is asking: a signed-in user with their assignments and the people they are responsible for. */
export type Actor = {
  kind: 'user';
  userId: string;
  personId: string | null;
  assignments: readonly RoleAssignment[];
  /** People this user line-manages (directly). */
  reportIds: readonly string[];
  /** Apprentices enrolled with this user's training provider (assessors). */
  apprenticeIds: readonly string[];
  /** Partnerships this user coordinates. */
  partnershipIds: readonly string[];
  /** Colleagues this user supervises as an Associate Teacher (open supervision links). */
  superviseeIds?: readonly string[];
  /** Of those, the ones whose school lets supervisors decide evidence. */
  decidingSuperviseeIds?: readonly string[];
};

export type Anonymous = { kind: 'anonymous' };

export const anonymous: Anonymous = { kind: 'anonymous' };
