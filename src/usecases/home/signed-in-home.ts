import type { Action } from '../../domain/policy/actions.ts';
import type { Actor } from '../../domain/policy/actor.ts';
import { can } from '../../domain/policy/can.ts';
import type { Resource } from '../../domain/policy/resource.ts';
import { directory } from '../../store/directory.ts';
import { employerReachOf } from '../apprenticeships/employer-reach.ts';
import { enrolmentLinksOf } from '../apprenticeships/enrolment-links.ts';
import { supervisionQueueHref } from '../apprenticeships/supervision-queue.ts';
import { describeSignedInUser } from '../auth/sign-in.ts';
import { emptyScope, scopeOf } from '../people/scope.ts';
import type { PortfolioDeps } from '../portfolio/deps.ts';
import { reviewQueue } from '../portfolio/evidence/evidence-queries.ts';
import { unreadCount } from '../portfolio/evidence/my-notifications.ts';
import { type NextStep, portfolioOverview } from '../portfolio/overview.ts';
import { teamOf } from '../portfolio/team.ts';
import { nextStepForPerson } from '../progression/person-progression.ts';

/** A link the home page offers: only ever one the user may open. */
export type HomeLink = { href: string; text: string; hint?: string };

/** A role the person could move to next, and how much of it they already meet. */
export type NextRoleSummary = { title: string; ready: boolean; met: number; total: number };

/** The signed-in user's own progress: what to do next, evidence, CPD and training, and the career pages. */
export type MyProgress = {
  personId: string;
  next: NextStep[];
  nextRoles: NextRoleSummary[];
  evidenceDrafts: number;
  evidenceReturned: number;
  evidenceAwaitingDecision: number;
  /** CPD recorded this academic year, in minutes (the page says it in hours and minutes). */
  cpdMinutes: number;
  academicYear: string;
  trainingExpired: number;
  trainingExpiringSoon: number;
  links: HomeLink[];
};

/** A line manager's or assessor's work: evidence waiting for their decision, and their team. */
export type ReviewWork = {
  waiting: number;
  oldestWaitingDays: number | null;
  team: { id: string; name: string; evidenceAwaitingDecision: number }[];
  links: HomeLink[];
};

/** One organisation's tasks (a trust, or a school), each a page the admin may open. */
export type OrganisationTasks = { heading: string; links: HomeLink[] };

export type SignedInHome = {
  name: string;
  unreadNotifications: number;
  progress: MyProgress | null;
  review: ReviewWork | null;
  organisations: OrganisationTasks[];
  /** Links to everything else the user may use (the directory, users, the audit log, partnerships). */
  more: HomeLink[];
};

const allowed = (actor: Actor, action: Action, resource: Resource) => can(actor, action, resource).allowed;

const myProgress = async (deps: PortfolioDeps, actor: Actor, personId: string): Promise<MyProgress> => {
  const overview = await portfolioOverview(deps, actor, personId);
  const nextStep = await nextStepForPerson(deps, actor, personId);
  // An apprentice reaches their own enrolment (status, off-the-job log, reviews, coverage, Gateway to Completion).
  const apprenticeships = await enrolmentLinksOf(deps, actor, personId);
  const portfolio = `/people/${personId}/portfolio`;
  return {
    personId,
    next: overview.next,
    nextRoles: nextStep.next.map((g) => ({
      title: g.target.title,
      ready: g.ready,
      met: g.counts.met,
      total: g.counts.met + g.counts.partial + g.counts.missing,
    })),
    evidenceDrafts: overview.counts.evidenceDrafts,
    evidenceReturned: overview.counts.evidenceReturned,
    evidenceAwaitingDecision: overview.counts.evidenceAwaitingDecision,
    cpdMinutes: overview.counts.cpdMinutesInYear,
    academicYear: overview.academicYear,
    trainingExpired: overview.counts.trainingExpired,
    trainingExpiringSoon: overview.counts.trainingExpiringSoon,
    links: [
      { href: portfolio, text: 'My portfolio' },
      ...apprenticeships,
      { href: '/me/next-step', text: 'My next step', hint: 'What the next role asks of you and what you already meet' },
      { href: '/me/route', text: 'Plan my route', hint: 'The steps from your role to another one' },
      { href: '/me/role-fit', text: 'Role fit', hint: 'How your duties compare with the graded role profiles' },
      { href: `${portfolio}/evidence`, text: 'My evidence' },
      { href: `${portfolio}/cpd`, text: 'My CPD log' },
      { href: `${portfolio}/training`, text: 'My mandatory training' },
      // An Associate Teacher who supervises colleagues reviews their submitted evidence.
      ...((actor.superviseeIds ?? []).some((id) => id !== personId)
        ? [{ href: supervisionQueueHref, text: 'My supervisees’ evidence', hint: 'Colleagues you supervise as an Associate Teacher' }]
        : []),
    ],
  };
};

const reviewWork = async (deps: PortfolioDeps, actor: Actor): Promise<ReviewWork | null> => {
  const reviews = actor.reportIds.length + actor.apprenticeIds.length > 0;
  if (!reviews) return null;
  const queue = await reviewQueue(deps, actor);
  const team = actor.reportIds.length > 0 ? (await teamOf(deps, actor)).members : [];
  return {
    waiting: queue.length,
    oldestWaitingDays: queue[0]?.waitingDays ?? null,
    team: team.map((m) => ({ id: m.id, name: m.name, evidenceAwaitingDecision: m.evidenceAwaitingDecision })),
    links: [
      { href: '/evidence-queue', text: 'Evidence to review' },
      ...(actor.reportIds.length > 0 ? [{ href: '/team', text: 'My team' }] : []),
      // The header links /apprentices for those who see a school's or a trust's; a line manager reaches theirs from here.
      ...(employerReachOf(actor) === 'reports'
        ? [
            {
              href: '/apprentices',
              text: 'Apprentices in my team',
              hint: 'Their KSB coverage, off-the-job hours, reviews and Gateway to Completion',
            },
          ]
        : []),
    ],
  };
};

/** The tasks of each organisation the user administers: only those the policy lets them open. */
const organisationTasks = async (deps: PortfolioDeps, actor: Actor): Promise<OrganisationTasks[]> => {
  const store = directory(deps.db);
  const administered = actor.assignments.filter((a) =>
    allowed(actor, 'organisation.update', { type: 'organisation', trustId: a.trustId, organisationId: a.organisationId }),
  );
  const groups: OrganisationTasks[] = [];
  const seen = new Set<string>();
  for (const assignment of administered) {
    if (seen.has(assignment.organisationId)) continue;
    seen.add(assignment.organisationId);
    const organisation = await store.findOrganisation(assignment.organisationId);
    if (!organisation) continue;
    const here = { type: 'organisation', trustId: organisation.trust_id, organisationId: organisation.id } as const;
    const schools = organisation.kind === 'trust' ? await store.listSchools(organisation.id) : [organisation];
    const links: HomeLink[] = [
      { href: `/organisations/${organisation.id}`, text: organisation.kind === 'trust' ? 'Trust and its schools' : 'School details' },
    ];
    if (allowed(actor, 'organisation.readTraining', here))
      links.push({
        href: `/organisations/${organisation.id}/training`,
        text: 'Training compliance',
        hint: 'Who is out of date or expiring',
      });
    if (allowed(actor, 'organisation.readInsight', here))
      links.push({
        href: organisation.kind === 'trust' ? '/insight' : `/insight?school=${organisation.id}`,
        text: 'Workforce dashboard and reports',
        hint: 'Headcount, qualifications, training and the evidence backlog',
      });
    if (allowed(actor, 'organisation.manageTraining', here))
      links.push({ href: `/organisations/${organisation.id}/training/settings`, text: 'Training kinds and how long each lasts' });
    if (organisation.kind === 'trust' && allowed(actor, 'organisation.manageSignOn', here))
      links.push({ href: `/organisations/${organisation.id}/sign-on`, text: 'Single sign-on settings' });
    for (const school of schools) {
      const at = { type: 'organisation', trustId: school.trust_id, organisationId: school.id } as const;
      const suffix = organisation.kind === 'trust' ? `: ${school.name}` : '';
      if (allowed(actor, 'organisation.importStaff', at))
        links.push({ href: `/schools/${school.id}/import`, text: `Import staff${suffix}`, hint: 'From a spreadsheet (CSV or Excel)' });
      if (allowed(actor, 'person.read', { ...at, type: 'person', personId: 'all' }))
        links.push({ href: `/schools/${school.id}/staff.csv`, text: `Export the staff list${suffix}`, hint: 'CSV' });
    }
    groups.push({ heading: organisation.name, links });
  }
  return groups;
};

const accountAt = (actor: Actor, action: Action) =>
  actor.assignments.some((a) =>
    allowed(actor, action, { type: 'account', trustId: a.trustId, organisationId: a.organisationId, userId: actor.userId }),
  );

/** The directory, users and invitations, outbox, audit log and partnerships, as the policy allows. */
const moreLinks = (actor: Actor): HomeLink[] => {
  const links: HomeLink[] = [];
  const staff = scopeOf(actor, 'person.read');
  if (staff.trustIds.length + staff.organisationIds.length > 0 || staff.personIds.some((id) => id !== actor.personId))
    links.push({ href: '/people', text: 'Staff directory' });
  if (!emptyScope(scopeOf(actor, 'account.assignRoles'))) links.push({ href: '/users', text: 'Users and roles' });
  if (accountAt(actor, 'account.invite')) {
    links.push({ href: '/users/invite', text: 'Invite a user' });
    links.push({ href: '/admin/outbox', text: 'Mail outbox', hint: 'Invitations and reset links Pathways has sent' });
  }
  if (!emptyScope(scopeOf(actor, 'audit.read'))) links.push({ href: '/audit', text: 'Audit log' });
  if (actor.partnershipIds.some((partnershipId) => allowed(actor, 'partnership.read', { type: 'partnership', partnershipId })))
    links.push({ href: '/partnerships', text: 'Partnerships' });
  return links;
};

/**
 * The signed-in home: the user's own progress (staff), the evidence waiting for them and their team
 * (line managers, assessors) and their organisations' tasks (admins). Every link is one the policy
 * lets them open, so the page never leads to a refusal.
 */
export const signedInHome = async (deps: PortfolioDeps, actor: Actor): Promise<SignedInHome> => {
  const user = await describeSignedInUser(deps.db, actor.userId);
  const personId = actor.personId;
  const progress =
    personId && allowed(actor, 'person.readPortfolio', { type: 'person', trustId: '', organisationId: '', personId })
      ? await myProgress(deps, actor, personId)
      : null;
  return {
    name: user?.name ?? '',
    unreadNotifications: await unreadCount({ db: deps.db }, actor),
    progress,
    review: await reviewWork(deps, actor),
    organisations: await organisationTasks(deps, actor),
    more: moreLinks(actor),
  };
};
