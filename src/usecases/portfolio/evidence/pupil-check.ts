import { highlightPupilNames, possiblePupilNames, type TextSegment } from '../../../domain/evidence/pupil-names.ts';
import type { Actor, Anonymous } from '../../../domain/policy/actor.ts';
import type { ProgressionSubject } from '../../../store/duty-profiles.ts';
import type { StoredEvidence } from '../../../store/evidence.ts';
import { staffNamesOfTrust } from '../../../store/staff-names.ts';
import type { PortfolioDeps } from '../deps.ts';
import { loadEvidence } from './evidence-access.ts';

/**
 * The evidence as its author sees it before submitting: the text cut into segments, with what looks
 * like a pupil's full name (a capitalised name pair that is not a member of staff) flagged.
 */
export const pupilCheck = async (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  evidenceId: string,
): Promise<{ subject: ProgressionSubject; item: StoredEvidence; segments: TextSegment[]; flagged: number }> => {
  const { subject, item } = await loadEvidence(deps, actor, personId, evidenceId, 'person.editPortfolio');
  const text = `${item.title}\n\n${item.body}`;
  const spans = possiblePupilNames(text, await staffNamesOfTrust(deps.db, subject.trustId));
  return { subject, item, segments: highlightPupilNames(text, spans), flagged: spans.length };
};
