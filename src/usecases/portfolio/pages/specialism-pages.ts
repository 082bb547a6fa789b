import type { SpecialismRecord } from '../../../contracts/portfolio/specialism.ts';
import type { Actor, Anonymous } from '../../../domain/policy/actor.ts';
import type { PortfolioDeps } from '../deps.ts';
import { decideSpecialism, type PersonSpecialisms, readSpecialisms, recordSpecialisms } from '../specialisms.ts';
import { type FormOutcome, savedOrPage } from './outcome.ts';
import { isSelf } from './self.ts';

/** The specialisms page, with whether it is the actor's own. */
export type SpecialismsPage = PersonSpecialisms & { self: boolean };

export const specialismsPage = async (deps: PortfolioDeps, actor: Actor | Anonymous, personId: string): Promise<SpecialismsPage> => {
  const read = await readSpecialisms(deps, actor, personId);
  return { ...read, self: isSelf(actor, read.person.id) };
};

/** Records the ticked specialisms, or the page to show the refusal on. */
export const recordSpecialismsOnPage = (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  input: { letters: string[] },
): Promise<FormOutcome<{ recorded: string[]; withdrawn: string[] }, SpecialismsPage>> =>
  savedOrPage(
    () => recordSpecialisms(deps, actor, personId, input),
    () => specialismsPage(deps, actor, personId),
  );

/** Confirms or declines one specialism, or the page to show the refusal on. */
export const decideSpecialismOnPage = (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  specialismId: string,
  input: { decision: string | undefined; note?: string },
): Promise<FormOutcome<SpecialismRecord, SpecialismsPage>> =>
  savedOrPage(
    () => decideSpecialism(deps, actor, personId, specialismId, input),
    () => specialismsPage(deps, actor, personId),
  );
