import type { Kysely } from 'kysely';
import type { Tables } from '../tables.ts';

/** Why someone hears about an apprentice's progress reviews: they are one of the parties who hold them. */
export type ReviewResponsibility = 'employer' | 'lineManager' | 'provider';

/** One enabled account responsible for one enrolment's progress reviews. */
export type ReviewRecipient = {
  enrolmentId: string;
  userId: string;
  /** The account's own tenant: the employer's trust, or the training provider for an assessor. */
  trustId: string;
  email: string;
  as: ReviewResponsibility;
};

/**
 * The enabled accounts responsible for the enrolments' progress reviews: the admins of the employer
 * (school or trust admins assigned to the enrolment's employer), the apprentice's line manager (an
 * account of theirs holding the line manager role in the trust) and the assessors of the enrolment's
 * training provider. No product logic: who may open the review page is the policy's.
 */
export const reviewRecipientsOf = async (db: Kysely<Tables>, enrolmentIds: readonly string[]): Promise<ReviewRecipient[]> => {
  if (enrolmentIds.length === 0) return [];
  const columns = ['e.id as enrolment_id', 'u.id as user_id', 'u.trust_id', 'u.email'] as const;
  const [employers, managers, assessors] = await Promise.all([
    db
      .selectFrom('enrolments as e')
      .innerJoin('role_assignments as ra', (join) =>
        join.onRef('ra.organisation_id', '=', 'e.employer_id').onRef('ra.trust_id', '=', 'e.trust_id'),
      )
      .innerJoin('user_accounts as u', 'u.id', 'ra.user_id')
      .select(columns)
      .distinct()
      .where('e.id', 'in', enrolmentIds)
      .where('ra.role', 'in', ['school_admin', 'trust_admin'])
      .where('u.disabled_at', 'is', null)
      .execute(),
    db
      .selectFrom('enrolments as e')
      .innerJoin('people as p', 'p.id', 'e.person_id')
      .innerJoin('user_accounts as u', (join) => join.onRef('u.person_id', '=', 'p.line_manager_id').onRef('u.trust_id', '=', 'e.trust_id'))
      .innerJoin('role_assignments as ra', 'ra.user_id', 'u.id')
      .select(columns)
      .distinct()
      .where('e.id', 'in', enrolmentIds)
      .where('ra.role', '=', 'line_manager')
      .where('u.disabled_at', 'is', null)
      .execute(),
    db
      .selectFrom('enrolments as e')
      .innerJoin('role_assignments as ra', 'ra.organisation_id', 'e.provider_id')
      .innerJoin('user_accounts as u', 'u.id', 'ra.user_id')
      .select(columns)
      .distinct()
      .where('e.id', 'in', enrolmentIds)
      .where('ra.role', '=', 'assessor')
      .where('u.disabled_at', 'is', null)
      .execute(),
  ]);
  const rows = (list: typeof employers, as: ReviewResponsibility): ReviewRecipient[] =>
    list.map((r) => ({ enrolmentId: r.enrolment_id, userId: r.user_id, trustId: r.trust_id, email: r.email, as }));
  return [...rows(employers, 'employer'), ...rows(managers, 'lineManager'), ...rows(assessors, 'provider')];
};
