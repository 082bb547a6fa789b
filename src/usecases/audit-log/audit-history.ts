import { actionName, type Named, type SentencePart, sentenceOf, sentenceText } from '../../domain/audit/action-words.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import type { Catalogue } from '../../framework/catalogue.ts';
import { itemLabel } from '../../framework/item-label.ts';
import {
  type AuditFilters,
  type AuditLogRow,
  type AuditName,
  type AuditNameRefs,
  auditFilterChoices,
  auditLog,
  auditNames,
} from '../../store/audit-log.ts';
import type { AuthorizeDeps } from '../authorize.ts';
import { authorizeList, signedInUser } from '../people/scope.ts';
import { type AuditChange, type AuditDetail, changesOf, uuidsIn } from './audit-change.ts';

/** One audit event as a line of history: who did what, to whom or what, when, and what changed. */
export type AuditEntry = {
  id: number;
  occurredAt: Date;
  action: string;
  actionName: string;
  actor: Named;
  person: Named | null;
  thing: Named | null;
  sentence: SentencePart[];
  text: string;
  changes: AuditChange[];
  details: AuditDetail[];
};

export type AuditHistory = {
  entries: AuditEntry[];
  total: number;
  page: number;
  pageSize: number;
  /** The filters' choices, by name: people who acted and the actions that occur, in the reader's scope. */
  choices: { people: { value: string; text: string }[]; actions: { value: string; text: string }[] };
};

/** Who an actor that is not a user account is. */
const systemActors: Record<string, string> = {
  system: 'Pathways',
  'system:demo': 'Pathways (demo set-up)',
  'operator:cli': 'An operator at the command line',
  'operator:api': 'An operator through the API',
  anonymous: 'Someone not signed in',
};

const entityKinds: Record<string, keyof AuditNameRefs> = {
  account: 'user',
  user_account: 'user',
  person: 'person',
  evidence: 'evidence',
  cpd_activity: 'cpd',
  review_cycle: 'review',
  attachment: 'attachment',
  training_record: 'training',
  training_kind: 'trainingKind',
  organisation: 'organisation',
  judgement: 'judgement',
};

const record = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value)) : {};
const str = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** Whom an event concerns, when its data says so: a person directly, or through an account. */
const subjectRefOf = (row: AuditLogRow) => {
  const data = record(row.data);
  const after = record(data.after);
  const before = record(data.before);
  return {
    personId: str(data.personId) ?? str(after.personId) ?? str(before.personId),
    userId: str(data.userId) ?? str(after.userId),
  };
};

/**
 * The audit log as a history the reader can follow: each event's sentence in words (from the one
 * table of action words), with names instead of ids (resolved in one query, only inside the reader's
 * trusts) and links to the people and records the reader may open.
 */
export const auditHistory = async (
  deps: AuthorizeDeps & { catalogue: Catalogue },
  actor: Actor | Anonymous,
  filters: AuditFilters,
  page: { page: number; pageSize: number },
): Promise<AuditHistory> => {
  const scope = await authorizeList(deps, actor, 'audit.read', (trustId, organisationId) => ({ type: 'audit', trustId, organisationId }));
  const user = signedInUser(actor);
  const result = await auditLog(deps.db).page(scope, filters, { offset: (page.page - 1) * page.pageSize, limit: page.pageSize });
  const trustIds = [
    ...scope.trustIds,
    ...user.assignments.filter((a) => scope.organisationIds.includes(a.organisationId)).map((a) => a.trustId),
  ];

  const refs: Record<keyof AuditNameRefs, string[]> = {
    user: [],
    person: [],
    evidence: [],
    cpd: [],
    review: [],
    attachment: [],
    training: [],
    trainingKind: [],
    organisation: [],
    judgement: [],
  };
  for (const row of result.rows) {
    refs.user.push(row.actor);
    const kind = entityKinds[row.entity];
    if (kind) refs[kind].push(row.entity_id);
    // Ids inside the data (people, accounts, evidence, schools) are named in the same query.
    for (const id of uuidsIn(row.data)) {
      refs.person.push(id);
      refs.user.push(id);
      refs.evidence.push(id);
      refs.organisation.push(id);
    }
  }
  const names = await auditNames(deps.db, refs, trustIds);
  const byKind = new Map<string, AuditName>(names.map((n) => [`${n.kind}:${n.id}`, n]));
  const find = (kind: keyof AuditNameRefs, id: string | undefined) => (id ? byKind.get(`${kind}:${id}`) : undefined);

  const mayOpen = (person: NonNullable<AuditName['person']>) =>
    scope.trustIds.includes(person.trustId) || scope.organisationIds.includes(person.organisationId);
  const personNamed = (person: AuditName['person'] | undefined): Named | null =>
    person ? { name: person.name, href: mayOpen(person) ? `/people/${person.id}` : null } : null;
  const personOfUser = (id: string | undefined) => find('user', id)?.person ?? null;
  const nameOfId = (id: string) => {
    const n = find('person', id) ?? find('user', id) ?? find('evidence', id) ?? find('organisation', id);
    if (!n) return undefined;
    if (n.kind === 'person' || n.kind === 'user') return n.person?.name ?? n.name ?? undefined;
    return n.kind === 'evidence' ? `‘${n.name}’` : (n.name ?? undefined);
  };

  // A code the framework knows is shown with its wording; anything else (a status, a title) as it was.
  const labelOf = (code: string) => {
    const label = itemLabel(deps.catalogue, code);
    return label.statement ? label.text : undefined;
  };
  const entryOf = (row: AuditLogRow): AuditEntry => {
    const data = record(row.data);
    const after = record(data.after);
    const actorUser = find('user', row.actor);
    const actorNamed: Named = actorUser
      ? (personNamed(actorUser.person) ?? { name: actorUser.name ?? 'A user' })
      : { name: systemActors[row.actor] ?? 'Someone outside your organisation' };

    const kind = entityKinds[row.entity];
    const own = kind ? find(kind, row.entity_id) : undefined;
    const subject = subjectRefOf(row);
    const personRecord =
      (kind === 'person' ? own?.person : undefined) ??
      (kind === 'user' ? own?.person : undefined) ??
      (kind && kind !== 'organisation' && kind !== 'trainingKind' ? own?.person : undefined) ??
      find('person', subject.personId)?.person ??
      personOfUser(subject.userId) ??
      null;
    const person = personNamed(personRecord);
    const open = personRecord && mayOpen(personRecord) ? personRecord.id : null;
    const quoted = (name: string | null | undefined) => (name ? `‘${name}’` : null);
    const thingOf = (): Named | null => {
      switch (row.entity) {
        case 'evidence': {
          const name = quoted(own?.name);
          return name ? { name, href: open ? `/people/${open}/portfolio/evidence/${row.entity_id}` : null } : null;
        }
        case 'cpd_activity': {
          const name = quoted(own?.name ?? str(after.title));
          // The CPD log, which anyone who may read the portfolio opens (the activity page itself is its editor).
          return name ? { name, href: open && own ? `/people/${open}/portfolio/cpd` : null } : null;
        }
        case 'attachment': {
          const name = quoted(own?.name ?? str(after.fileName));
          return name ? { name } : null;
        }
        case 'training_record': {
          const name = own?.name;
          return name ? { name, href: open ? `/people/${open}/portfolio/training` : null } : null;
        }
        case 'training_kind': {
          const name = quoted(own?.name ?? str(after.title));
          return name ? { name } : null;
        }
        case 'organisation':
          return own?.name
            ? { name: own.name, href: `/organisations/${row.entity_id}` }
            : str(data.name)
              ? { name: String(data.name) }
              : null;
        case 'framework':
          return { name: [str(data.reference), str(data.version) && `version ${data.version}`].filter(Boolean).join(' ') || 'a framework' };
        case 'sign_on':
          return find('organisation', row.entity_id)?.name ? { name: String(find('organisation', row.entity_id)?.name) } : null;
        default:
          return null;
      }
    };
    const thing = thingOf();
    const sentence = sentenceOf(row.action, {
      actor: actorNamed,
      person,
      thing,
      actorIsPerson: Boolean(actorUser?.person && personRecord && actorUser.person.id === personRecord.id),
      data: row.data,
      itemLabel: (code) => itemLabel(deps.catalogue, code).text,
    });
    const { changes, details } = changesOf(row.data, nameOfId, labelOf);
    return {
      id: row.id,
      occurredAt: row.occurred_at,
      action: row.action,
      actionName: actionName(row.action),
      actor: actorNamed,
      person,
      thing,
      sentence,
      text: sentenceText(sentence),
      changes,
      details,
    };
  };

  const choices = await auditFilterChoices(deps.db, scope);
  return {
    entries: result.rows.map(entryOf),
    total: result.total,
    ...page,
    choices: {
      people: choices.people.map((p) => ({ value: p.userId, text: p.name })),
      actions: choices.actions.map((a) => ({ value: a, text: actionName(a) })).sort((a, b) => a.text.localeCompare(b.text, 'en-GB')),
    },
  };
};
