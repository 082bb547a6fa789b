import type { Kysely } from 'kysely';
import type { Config } from '../../contracts/config.ts';
import { breaksOf } from '../../domain/apprenticeships/enrolment-status.ts';
import { programmeById } from '../../domain/apprenticeships/programme.ts';
import type { Catalogue } from '../../framework/catalogue.ts';
import { enrolments } from '../../store/apprenticeships/enrolments.ts';
import { type ReviewResponsibility, reviewRecipientsOf } from '../../store/apprenticeships/review-recipients.ts';
import type { Tables } from '../../store/tables.ts';
import { nextReviewsOf, reviewsHref } from '../apprenticeships/reviews.ts';
import { sendMail } from '../mail/send-mail.ts';

/**
 * The weekly digest's overdue progress reviews: every apprentice on programme whose tripartite
 * review is past its due date (at most the interval in the rules after the last review held, breaks
 * in learning left out), told to the people who hold the review — the employer's admins, the
 * apprentice's line manager and the training provider's assessors — one email per account, each
 * review with a link to its page. Nothing overdue, no email.
 */

export type OverdueReview = {
  enrolmentId: string;
  personName: string;
  employerName: string;
  providerName: string;
  programme: string;
  dueDate: string;
  daysOverdue: number;
  intervalWeeks: number;
};

export type OverdueReviewDigest = {
  userId: string;
  trustId: string;
  email: string;
  as: ReviewResponsibility[];
  reviews: OverdueReview[];
};

const longDate = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
const spoken = (iso: string) => longDate.format(new Date(`${iso}T00:00:00Z`));

const responsibilityWords: Record<ReviewResponsibility, string> = {
  employer: 'the employer’s administrator',
  lineManager: 'their line manager',
  provider: 'the training provider’s assessor',
};

/** The overdue reviews of a trust's apprentices on programme, by apprentice name. */
export const overdueReviewsOf = async (
  deps: { db: Kysely<Tables>; clock: () => Date; catalogue: Catalogue },
  trustId: string,
): Promise<OverdueReview[]> => {
  const store = enrolments(deps.db);
  const onProgramme = (await store.listForEmployer(trustId, 'all')).filter((e) => e.status === 'on_programme');
  const histories = await store.histories(onProgramme.map((e) => e.id));
  const schedules = await nextReviewsOf(
    deps,
    onProgramme.map((e) => ({ enrolment: e, breaks: breaksOf(histories.get(e.id) ?? []) })),
  );
  return onProgramme.flatMap((e): OverdueReview[] => {
    const schedule = schedules.get(e.id);
    if (!schedule?.overdue || schedule.dueDate === null) return [];
    const title = programmeById(deps.catalogue, e.programme)?.title;
    return [
      {
        enrolmentId: e.id,
        personName: e.personName,
        employerName: e.employerName,
        providerName: e.providerName,
        programme: title && !title.includes(e.programme) ? `${title} (${e.programme})` : (title ?? e.programme),
        dueDate: schedule.dueDate,
        daysOverdue: schedule.daysOverdue,
        intervalWeeks: schedule.intervalWeeks,
      },
    ];
  });
};

/** Groups the overdue reviews by the accounts responsible for them: one digest per account, its reviews in the order given. */
export const overdueReviewDigests = async (db: Kysely<Tables>, reviews: readonly OverdueReview[]): Promise<OverdueReviewDigest[]> => {
  const byEnrolment = new Map(reviews.map((r) => [r.enrolmentId, r]));
  const digests = new Map<string, OverdueReviewDigest>();
  for (const recipient of await reviewRecipientsOf(db, [...byEnrolment.keys()])) {
    const review = byEnrolment.get(recipient.enrolmentId);
    if (!review) continue;
    const digest = digests.get(recipient.userId) ?? {
      userId: recipient.userId,
      trustId: recipient.trustId,
      email: recipient.email,
      as: [],
      reviews: [],
    };
    if (!digest.as.includes(recipient.as)) digest.as.push(recipient.as);
    if (!digest.reviews.includes(review)) digest.reviews.push(review);
    digests.set(recipient.userId, digest);
  }
  const order = new Map(reviews.map((r, i) => [r.enrolmentId, i]));
  return [...digests.values()]
    .map((d) => ({ ...d, reviews: d.reviews.sort((a, b) => (order.get(a.enrolmentId) ?? 0) - (order.get(b.enrolmentId) ?? 0)) }))
    .sort((a, b) => a.email.localeCompare(b.email));
};

/** The email of one account's digest: each overdue review with its due date, how late it is and the link to its page. */
export const overdueReviewsMessage = (digest: Pick<OverdueReviewDigest, 'as' | 'reviews'>, publicUrl: string | undefined) => {
  const link = (path: string) => (publicUrl ? new URL(path, publicUrl).toString() : path);
  const count = digest.reviews.length;
  const lines = digest.reviews.map(
    (r) =>
      `- ${r.personName} (${r.employerName}), ${r.programme} with ${r.providerName}: due by ${spoken(r.dueDate)}, ${r.daysOverdue} ${
        r.daysOverdue === 1 ? 'day' : 'days'
      } overdue\n  ${link(reviewsHref(r.enrolmentId))}`,
  );
  const weeks = [...new Set(digest.reviews.map((r) => r.intervalWeeks))].join(' or ');
  const as = digest.as.map((a) => responsibilityWords[a]).join(', ');
  return {
    subject: `Progress reviews overdue: ${count} ${count === 1 ? 'apprentice' : 'apprentices'}`,
    text: `Progress reviews overdue (${count}):\n${lines.join('\n')}\n\nAn apprentice, their employer and the training provider hold a progress review at least every ${weeks} weeks of learning. Plan the review from its page.\n\nYou receive this weekly digest as ${as} in Pathways.`,
  };
};

/** Sends the overdue reviews' digests of every trust, in the caller's transaction. Returns how many emails went out. */
export const sendOverdueReviewDigests = async (
  deps: { db: Kysely<Tables>; clock: () => Date; catalogue: Catalogue; config: Config; demo: boolean },
  trustIds: readonly string[],
): Promise<number> => {
  const reviews: OverdueReview[] = [];
  for (const trustId of trustIds) reviews.push(...(await overdueReviewsOf(deps, trustId)));
  const digests = await overdueReviewDigests(deps.db, reviews);
  for (const digest of digests)
    await sendMail(
      { db: deps.db, config: deps.config, demo: deps.demo, clock: deps.clock },
      { trustId: digest.trustId, to: digest.email, ...overdueReviewsMessage(digest, deps.config.publicUrl) },
    );
  return digests.length;
};
