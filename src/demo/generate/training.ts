import { expiryOf } from '../../domain/training/expiry.ts';
import type { PortfolioContext } from './portfolio.ts';
import type { Random } from './random.ts';
import type { WorkforceChunk } from './rows.ts';

const TRAINING_PROVIDERS = ['In-house', 'St John Ambulance', 'National College', 'Local authority training'];

/** Mandatory training for anyone on the staff (support staff, teachers, the headteacher). */
export const trainingOf = (
  chunk: WorkforceChunk,
  random: Random,
  who: { trustId: string; personId: string; recordedBy: string },
  context: Pick<PortfolioContext, 'proportions' | 'trainingKinds' | 'day' | 'now' | 'nextId'>,
) => {
  const { training } = context.proportions;
  const outcomes = {
    expired: training.expired,
    within30: training.within30,
    within60: training.within60,
    within90: training.within90,
    missing: training.missing,
    inDate: training.inDate,
  };
  for (const kind of context.trainingKinds) {
    if (kind.applies_to === 'as-needed' && !random.chance(training.asNeededShare)) continue;
    const outcome = random.weighted(outcomes);
    if (outcome === 'missing') continue;
    const validity = kind.validity_months;
    // Days from today to the expiry the outcome asks for.
    const offset = {
      expired: -random.int(1, 200),
      within30: random.int(0, 30),
      within60: random.int(31, 60),
      within90: random.int(61, 90),
      inDate: random.int(91, Math.max(92, Math.round((validity ?? 24) * 30.44) - 1)),
    }[outcome];
    const completedOn = validity === null ? context.day(-random.int(30, 1500)) : context.day(offset - Math.round(validity * 30.44));
    chunk.rows.training_records.push({
      id: context.nextId('training_records'),
      trust_id: who.trustId,
      person_id: who.personId,
      kind_id: kind.id,
      completed_on: completedOn,
      expires_on: expiryOf(completedOn, validity),
      provider: random.pick(TRAINING_PROVIDERS),
      recorded_by: who.recordedBy,
      recorded_at: context.now,
    });
  }
};
