import { AppError } from '../../contracts/errors.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { can } from '../../domain/policy/can.ts';
import { directory, type PeopleFilters } from '../../store/directory.ts';
import { type AuthorizeDeps, authorize, unknownPerson } from '../authorize.ts';
import { authorizeList } from './scope.ts';

export type ListPeopleInput = Omit<PeopleFilters, 'offset' | 'limit'> & { page: number; pageSize: number };

/**
 * The staff directory: one page of the people the actor may read (trust admins their trust, school
 * admins their school, line managers their reports, everyone themselves), filtered in SQL.
 */
export const listPeople = async (deps: AuthorizeDeps, actor: Actor | Anonymous, input: ListPeopleInput) => {
  const scope = await authorizeList(deps, actor, 'person.read', (trustId, organisationId) => ({
    type: 'person',
    trustId,
    organisationId,
    personId: 'directory',
  }));
  const { page, pageSize, ...filters } = input;
  const store = directory(deps.db);
  const result = await store.searchPeople(scope, { ...filters, offset: (page - 1) * pageSize, limit: pageSize });
  return { ...result, page, pageSize, schools: await store.listSchoolsInScope(scope) };
};

/** One person: details, posts, line manager and reports (person.read on that person). */
export const showPerson = async (deps: AuthorizeDeps, actor: Actor | Anonymous, personId: string) => {
  const store = directory(deps.db);
  const person = await store.findPerson(personId);
  if (!person) {
    if (actor.kind === 'anonymous') throw new AppError('unauthenticated', 'Sign in to continue');
    throw unknownPerson(personId);
  }
  await authorize(deps, actor, 'person.read', {
    type: 'person',
    trustId: person.trust_id,
    organisationId: person.organisation_id,
    personId: person.id,
  });
  const [posts, reports, manager] = await Promise.all([
    store.postsOf(person.id),
    store.reportsOf(person.id),
    person.line_manager_id ? store.findPerson(person.line_manager_id) : undefined,
  ]);
  const mayRead = (p: { id: string; trust_id: string; organisation_id: string }) =>
    can(actor, 'person.read', { type: 'person', trustId: p.trust_id, organisationId: p.organisation_id, personId: p.id }).allowed;
  // The page links the line manager's record only for those who may open it (a member of staff may not).
  return { person, posts, reports, can: { openLineManager: manager ? mayRead(manager) : false } };
};
