import { statusNames } from '../../domain/apprenticeships/enrolment-status.ts';
import { programmeById } from '../../domain/apprenticeships/programme.ts';
import type { Actor } from '../../domain/policy/actor.ts';
import { can } from '../../domain/policy/can.ts';
import { enrolments } from '../../store/apprenticeships/enrolments.ts';
import type { ApprenticeshipDeps } from './deps.ts';
import { enrolmentResource } from './enrolments.ts';

/**
 * A link to one enrolment's page, in words: `text` and `hint` for a list of links ("My apprenticeship"),
 * `title` (the programme and option) and `standing` (its status and provider) for a list of enrolments.
 */
export type EnrolmentLink = { href: string; text: string; hint: string; title: string; standing: string };

/**
 * Links to a person's apprenticeship enrolments that the actor may open (enrolment.read), newest
 * start first, for their home and their portfolio: none when they have none, so nothing is offered
 * that leads nowhere. "My apprenticeship" when it is the actor's own.
 */
export const enrolmentLinksOf = async (
  deps: Pick<ApprenticeshipDeps, 'db' | 'catalogue'>,
  actor: Actor,
  personId: string,
): Promise<EnrolmentLink[]> => {
  const own = actor.personId === personId;
  const list = (await enrolments(deps.db).listForPeople([personId])).filter(
    (e) => can(actor, 'enrolment.read', enrolmentResource(e)).allowed,
  );
  return list.map((e) => {
    const programme = programmeById(deps.catalogue, e.programme);
    const option = programme?.options.find((o) => o.id === e.optionCode)?.title;
    const title = `${programme?.title ?? deps.catalogue.title(e.programme)}${option ? `, ${option} option` : ''}`;
    const standing = `${statusNames[e.status].toLowerCase()}, with ${e.providerName}`;
    const mine = own ? 'My apprenticeship' : 'Apprenticeship';
    return {
      href: `/enrolments/${e.id}`,
      text: list.length === 1 ? mine : `${mine}: ${title}`,
      hint: list.length === 1 ? `${title}: ${standing}` : standing,
      title,
      standing,
    };
  });
};
