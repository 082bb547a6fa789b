import { type AuditAction, isAuditAction } from '../../contracts/audit-actions.ts';

/**
 * The words for each audit action: its name (for the filter) and the sentence the audit log shows,
 * in one table keyed by the action. A sentence is a template: `{actor}` is who did it, `{person}` the
 * person it concerns (`{whose}` their possessive, or "their" when the actor is that person),
 * `{thing}` the named entity (evidence title, school, file, training type…), and any other `{key}` a
 * value the entry's `values` reads from the event's data. The table is keyed by the typed actions
 * (contracts/audit-actions.ts), so an action without words fails typecheck; an action read from an
 * older event that is no longer in the list reads as a readable form of its id.
 */

export type Named = { name: string; href?: string | null };

export type SentencePart = { text: string; href?: string };

export type SentenceContext = {
  actor: Named;
  person: Named | null;
  thing: Named | null;
  /** The actor is the person the event concerns. */
  actorIsPerson: boolean;
  data: unknown;
  /**
   * A competency item's code with its wording ("HLTA.26 — …"), from the framework catalogue the caller
   * holds (the domain reads no catalogue itself); without it a code is shown alone.
   */
  itemLabel?: (code: string) => string;
};

/** Reads a code as its label. */
type LabelOf = (code: string) => string;

type ActionWords = {
  /** What the action is called in the filter ("Evidence decided"). */
  name: string;
  sentence: string;
  values?: (data: Record<string, unknown>, labelOf: LabelOf) => Record<string, string>;
};

const record = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value)) : {};

const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** "trust_admin" → "trust admin". */
export const roleWords = (role: unknown): string => text(role).replaceAll('_', ' ') || 'a role';

const decision = (data: Record<string, unknown>) => {
  const decisions = record(data.after).decisions;
  const outcomes = Array.isArray(decisions) ? decisions.map((d) => text(record(d).outcome)) : [];
  const accepted = outcomes.filter((o) => o === 'accepted').length;
  const returned = outcomes.filter((o) => o === 'returned').length;
  if (accepted && returned) return `accepted ${plural(accepted, 'claim')} and returned ${plural(returned, 'claim')} of`;
  if (accepted) return `accepted ${plural(accepted, 'claim')} of`;
  if (returned) return `returned ${plural(returned, 'claim')} of`;
  return 'decided on';
};

const judgementValue = (data: Record<string, unknown>, labelOf: LabelOf) => {
  const after = record(data.after);
  const value = text(after.value).replaceAll('-', ' ');
  const item = text(after.itemCode) && labelOf(text(after.itemCode));
  return { judgement: [item, value && `(${value})`].filter(Boolean).join(' ') || 'an item' };
};

const stage = (data: Record<string, unknown>) => ({ stage: text(record(data.after).stage).replaceAll('-', ' ') || 'next' });

/** Every action Pathways records, in words. */
export const actionWords: Readonly<Record<AuditAction, ActionWords>> = {
  'access.refused': {
    name: 'Access refused',
    sentence: '{actor} was refused: {reason}',
    values: (d) => ({ reason: text(d.reason) || 'not allowed' }),
  },
  'account.created': { name: 'Account created', sentence: '{actor} created an account for {person}' },
  'account.invited': {
    name: 'Account invited',
    sentence: '{actor} invited {email} to sign in',
    values: (d) => ({ email: text(record(d.after).email) || text(d.email) || 'someone' }),
  },
  'account.disabled': { name: 'Account disabled', sentence: '{actor} disabled {whose} account' },
  'account.enabled': { name: 'Account enabled', sentence: '{actor} enabled {whose} account again' },
  'account.password-changed': { name: 'Password changed', sentence: '{actor} changed {whose} password' },
  'account.password-change-refused': { name: 'Password change refused', sentence: '{actor} was refused a password change' },
  'deployment.created': {
    name: 'Partnership teacher deployed',
    sentence: '{actor} deployed {teacher} as a partnership teacher',
    values: (d) => ({ teacher: text(record(d.after).teacher) || 'a teacher' }),
  },
  'deployment.workPatternSaved': {
    name: 'Work pattern saved',
    sentence: '{actor} saved the weekly work pattern of {teacher}',
    values: (d) => ({ teacher: text(d.teacher) || 'a partnership teacher' }),
  },
  'engagement.recorded': {
    name: 'Engagement recorded',
    sentence: '{actor} recorded an engagement by {teacher} at {host}',
    values: (d) => ({ teacher: text(d.teacher) || 'a partnership teacher', host: text(d.host) || 'a partner organisation' }),
  },
  'partner.added': {
    name: 'Partner organisation added',
    sentence: '{actor} added {name} to a partnership',
    values: (d) => ({ name: text(record(d.after).name) || 'an organisation' }),
  },
  'achievement.added': { name: 'Achievement added', sentence: '{actor} added an achievement to {whose} record' },
  'achievement.removed': { name: 'Achievement removed', sentence: '{actor} removed an achievement from {whose} record' },
  'attachment.added': { name: 'File attached', sentence: '{actor} attached {thing} to {whose} portfolio' },
  'attachment.removed': { name: 'File removed', sentence: '{actor} removed {thing} from {whose} portfolio' },
  'audit.exported': {
    name: 'Audit log exported',
    sentence: '{actor} exported {events} of the audit log',
    values: (d) => ({ events: plural(Number(d.events ?? 0), 'event') }),
  },
  'auth.signed-in': { name: 'Signed in', sentence: '{actor} signed in' },
  'auth.signed-out': { name: 'Signed out', sentence: '{actor} signed out' },
  'auth.sign-in-failed': { name: 'Sign-in failed', sentence: 'A sign-in as {person} failed' },
  'auth.throttled': { name: 'Sign-in slowed down', sentence: 'Sign-in attempts as {person} were slowed down after repeated failures' },
  'auth.mfa-enrolled': { name: 'Authenticator app set up', sentence: '{actor} set up an authenticator app' },
  'auth.mfa-verified': { name: 'Security code accepted', sentence: '{actor} entered a correct security code' },
  'auth.mfa-wrong-code': { name: 'Wrong security code', sentence: '{actor} entered a wrong security code' },
  'auth.mfa-replayed-code': { name: 'Security code used twice', sentence: '{actor} entered a security code that had already been used' },
  'auth.mfa-throttled': {
    name: 'Security codes paused',
    sentence: '{actor} was made to wait after too many wrong security codes',
  },
  'auth.mfa-recovery-code-used': { name: 'Recovery code used', sentence: '{actor} signed in with a recovery code' },
  'cpd.added': { name: 'CPD added', sentence: '{actor} added the CPD activity {thing} to {whose} record' },
  'cpd.updated': { name: 'CPD changed', sentence: '{actor} changed the CPD activity {thing} in {whose} record' },
  'cpd.removed': { name: 'CPD removed', sentence: '{actor} removed the CPD activity {thing} from {whose} record' },
  'dutyProfile.saved': { name: 'Duties recorded', sentence: '{actor} recorded the duties {person} performs' },
  'dutyProfile.confirmed': { name: 'Duties confirmed', sentence: '{actor} confirmed the duties {person} performs' },
  'evidence.created': { name: 'Evidence drafted', sentence: '{actor} drafted {whose} evidence {thing}' },
  'evidence.updated': { name: 'Evidence changed', sentence: '{actor} changed {whose} evidence {thing}' },
  'evidence.deleted': { name: 'Evidence deleted', sentence: '{actor} deleted {whose} evidence {thing}' },
  'evidence.submitted': { name: 'Evidence submitted', sentence: '{actor} submitted {whose} evidence {thing} for a decision' },
  'evidence.decided': {
    name: 'Evidence decided',
    sentence: '{actor} {decision} {whose} evidence {thing}',
    values: (d) => ({ decision: decision(d) }),
  },
  'framework.imported': { name: 'Framework imported', sentence: '{actor} imported the framework {thing}' },
  'hltaFile.assembled': { name: 'HLTA evidence file assembled', sentence: '{actor} assembled {whose} HLTA evidence file' },
  'hltaFile.updated': {
    name: 'HLTA preparation changed',
    sentence: '{actor} chose the evidence for {standard} in {whose} HLTA preparation',
    values: (d, labelOf) => ({ standard: text(d.standardCode) ? labelOf(text(d.standardCode)) : 'a standard' }),
  },
  'hltaStatus.awarded': { name: 'HLTA status awarded', sentence: '{actor} awarded HLTA status to {person}' },
  'hltaStatus.externalRecorded': {
    name: 'HLTA status recorded from an assessment',
    sentence: '{actor} recorded HLTA status for {person} from an external assessment',
  },
  'hltaStatus.revoked': { name: 'HLTA status withdrawn', sentence: '{actor} withdrew {whose} HLTA status' },
  'invitation.accepted': { name: 'Invitation accepted', sentence: '{actor} accepted their invitation and set up their account' },
  'judgement.recorded': {
    name: 'Judgement recorded',
    sentence: '{actor} recorded a judgement of {judgement} for {person}',
    values: judgementValue,
  },
  'notifications.read': { name: 'Notifications read', sentence: '{actor} read their notifications' },
  'organisation.created': { name: 'Organisation created', sentence: '{actor} created {thing}' },
  'workforce.generated': { name: 'Demo workforce generated', sentence: '{actor} generated a demo workforce in {thing}' },
  'organisation.updated': { name: 'Organisation changed', sentence: '{actor} changed the details of {thing}' },
  'organisation.roleValuesRemembered': {
    name: 'Spreadsheet roles remembered',
    sentence: '{actor} saved how staff spreadsheets of {thing} name roles',
  },
  'person.created': { name: 'Person added', sentence: '{actor} added {person} to the staff' },
  'person.updated': { name: 'Person changed', sentence: '{actor} changed {whose} details' },
  'person.markedLeft': { name: 'Person left', sentence: '{actor} recorded that {person} has left' },
  'person.flagsChanged': { name: 'Circumstances changed', sentence: '{actor} changed what is recorded about {whose} circumstances' },
  'person.readPortfolio': { name: 'Portfolio opened', sentence: '{actor} opened {whose} portfolio' },
  'portfolio.exported': { name: 'Portfolio exported', sentence: '{actor} exported {whose} portfolio' },
  'password_reset.requested': { name: 'Password reset asked for', sentence: 'A password reset link was sent to {person}' },
  'password_reset.completed': { name: 'Password reset', sentence: '{person} set a new password with a reset link' },
  'password_reset.throttled': { name: 'Password resets slowed down', sentence: 'Password reset requests for {person} were slowed down' },
  'enrolment.created': {
    name: 'Apprenticeship enrolment added',
    sentence: '{actor} enrolled {person} on {programme}',
    values: (d) => ({ programme: text(record(d.after).programme) || 'a programme' }),
  },
  'enrolment.updated': { name: 'Apprenticeship enrolment changed', sentence: '{actor} changed {whose} apprenticeship enrolment' },
  'enrolment.moduleRecorded': {
    name: 'Foundation Degree module recorded',
    sentence: '{actor} recorded the Foundation Degree module {module} for {person}',
    values: (d) => ({ module: text(record(d.after).code) || 'a module' }),
  },
  'supervision.linked': { name: 'Supervision recorded', sentence: '{actor} recorded that {person} supervises a colleague' },
  'supervision.ended': { name: 'Supervision ended', sentence: '{actor} ended a supervision link of {whose}' },
  'organisation.supervisionSettingChanged': {
    name: 'Supervisors’ decisions changed',
    sentence: '{actor} changed whether supervisors may decide evidence at {thing}',
  },
  'enrolment.statusChanged': {
    name: 'Apprenticeship status changed',
    sentence: '{actor} recorded {whose} apprenticeship as {status}',
    values: (d) => ({ status: text(d.statusName) || text(d.status) || 'changed' }),
  },
  'enrolment.gatewayConfirmed': {
    name: 'Gateway to Completion confirmed',
    sentence: '{actor} recorded the {party} confirmation of {whose} Gateway to Completion',
    values: (d) => ({ party: text(d.party) || 'their' }),
  },
  'specialism.recorded': {
    name: 'Specialism recorded',
    sentence: '{actor} recorded specialism {letter} for {person}',
    values: (d) => ({ letter: text(d.letter) || 'a' }),
  },
  'specialism.withdrawn': {
    name: 'Specialism withdrawn',
    sentence: '{actor} withdrew specialism {letter} from {whose} record',
    values: (d) => ({ letter: text(d.letter) || 'a' }),
  },
  'specialism.confirmed': {
    name: 'Specialism confirmed',
    sentence: '{actor} confirmed specialism {letter} for {person}',
    values: (d) => ({ letter: text(d.letter) || 'a' }),
  },
  'specialism.declined': {
    name: 'Specialism declined',
    sentence: '{actor} declined specialism {letter} for {person}',
    values: (d) => ({ letter: text(d.letter) || 'a' }),
  },
  'review.started': {
    name: 'Review started',
    sentence: '{actor} started {whose} review for {year}',
    values: (d) => ({ year: text(record(d.after).academicYear) || 'the year' }),
  },
  'review.objectiveAdded': { name: 'Review objective added', sentence: '{actor} added an objective to {whose} review' },
  'review.commented': { name: 'Review comment', sentence: '{actor} commented on {whose} review' },
  'review.stageChanged': {
    name: 'Review moved on',
    sentence: '{actor} moved {whose} review to the {stage} stage',
    values: stage,
  },
  'review.outcomeRecorded': { name: 'Review outcome recorded', sentence: '{actor} recorded the outcome of {whose} review' },
  'review.signed': { name: 'Review signed', sentence: '{actor} signed {whose} review' },
  'role.assigned': {
    name: 'Role given',
    sentence: '{actor} gave {person} the role {role}',
    values: (d) => ({ role: roleWords(record(d.after).role) }),
  },
  'role.removed': {
    name: 'Role removed',
    sentence: '{actor} removed the role {role} from {person}',
    values: (d) => ({ role: roleWords(record(d.before).role) }),
  },
  'sign_in.sso': { name: 'Signed in with single sign-on', sentence: '{actor} signed in with single sign-on' },
  'sign_in.sso_refused': { name: 'Single sign-on refused', sentence: 'A single sign-on was refused' },
  'sign_on.configured': { name: 'Single sign-on set up', sentence: '{actor} changed the single sign-on settings of {thing}' },
  'sign_on.identity_linked': { name: 'Single sign-on linked', sentence: '{actor} linked their account to single sign-on' },
  'offTheJob.logged': {
    name: 'Off-the-job training logged',
    sentence: '{actor} logged {hours} hours of off-the-job training for {person}',
    values: (d) => ({ hours: text(record(d.after).hours) || 'some' }),
  },
  'offTheJob.updated': { name: 'Off-the-job entry changed', sentence: '{actor} changed an off-the-job training entry of {whose}' },
  'offTheJob.approved': { name: 'Off-the-job hours approved', sentence: '{actor} approved an off-the-job training entry of {whose}' },
  'offTheJob.returned': { name: 'Off-the-job entry returned', sentence: '{actor} returned an off-the-job training entry to {person}' },
  'offTheJob.evidenceTimeRecorded': {
    name: 'Evidence time recorded as off-the-job',
    sentence: '{actor} recorded time on a piece of {whose} evidence as off-the-job training',
  },
  'offTheJob.exported': {
    name: 'Off-the-job hours exported',
    sentence: '{actor} exported the off-the-job hours of {count} apprentices for the ILR',
    values: (d) => ({ count: text(d.enrolments) || 'the' }),
  },
  'progressReview.planned': { name: 'Progress review planned', sentence: '{actor} planned a progress review with {person}' },
  'progressReview.commented': { name: 'Progress review comment', sentence: '{actor} commented on a progress review of {whose}' },
  'progressReview.actionAgreed': {
    name: 'Progress review action',
    sentence: '{actor} added an agreed action to a progress review of {whose}',
  },
  'progressReview.signed': {
    name: 'Progress review signed',
    sentence: '{actor} signed a progress review of {whose} as the {party}',
    values: (d) => ({ party: text(d.party) || 'party' }),
  },
  'training.recorded': { name: 'Training recorded', sentence: '{actor} recorded {thing} training for {person}' },
  'training.removed': { name: 'Training removed', sentence: '{actor} removed {thing} training from {whose} record' },
  'trainingKind.added': { name: 'Training type added', sentence: '{actor} added the training type {thing}' },
  'trainingKind.updated': { name: 'Training type changed', sentence: '{actor} changed the training type {thing}' },
  'trainingKind.retired': { name: 'Training type retired', sentence: '{actor} retired the training type {thing}' },
};

/** The words of an action as stored (a plain string); none for an action no longer recorded. */
const wordsOf = (action: string): ActionWords | undefined => (isAuditAction(action) ? actionWords[action] : undefined);

/** "hltaStatus.externalRecorded" → "Hlta status external recorded": the readable form of an unknown action. */
const readableId = (action: string): string => {
  const words = action
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[._\-\s]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase())
    .join(' ');
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Something happened';
};

/** What an action is called ("Evidence decided"), or a readable form of its id. */
export const actionName = (action: string): string => wordsOf(action)?.name ?? readableId(action);

/**
 * The sentence for one event as parts, each a piece of text and, for a name the reader may open, its
 * link. An unknown action reads "{actor}: <readable id>" and names what it concerns.
 */
export const sentenceOf = (action: string, context: SentenceContext): SentencePart[] => {
  const words = wordsOf(action);
  const template = words?.sentence ?? `{actor}: ${readableId(action).toLowerCase()}${context.person ? ' ({person})' : ''}`;
  const values = words?.values?.(record(context.data), context.itemLabel ?? ((code) => code)) ?? {};
  const named = (n: Named | null, fallback: string): SentencePart =>
    n ? (n.href ? { text: n.name, href: n.href } : { text: n.name }) : { text: fallback };
  const parts: SentencePart[] = [];
  for (const piece of template.split(/(\{[^}]+\})/)) {
    if (!piece) continue;
    const key = piece.startsWith('{') && piece.endsWith('}') ? piece.slice(1, -1) : null;
    if (key === null) parts.push({ text: piece });
    else if (key === 'actor') parts.push(named(context.actor, 'Someone'));
    else if (key === 'person') parts.push(named(context.person, 'someone'));
    else if (key === 'whose') {
      if (context.actorIsPerson) parts.push({ text: 'their' });
      else parts.push(named(context.person, 'someone'), { text: '’s' });
    } else if (key === 'thing') parts.push(named(context.thing, 'something no longer recorded'));
    else parts.push({ text: values[key] ?? '' });
  }
  // Adjacent plain pieces join, so the sentence reads (and tests) as one text.
  return parts.reduce<SentencePart[]>((all, part) => {
    const last = all.at(-1);
    if (last && !last.href && !part.href) last.text += part.text;
    else all.push({ ...part });
    return all;
  }, []);
};

/** The sentence as plain text. */
export const sentenceText = (parts: readonly SentencePart[]): string => parts.map((p) => p.text).join('');
