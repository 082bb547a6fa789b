import type { Kysely } from 'kysely';
import { addDays, expiryOf } from '../../domain/training/expiry.ts';
import { audit } from '../../store/audit.ts';
import type { Tables } from '../../store/tables.ts';
import { training } from '../../store/training.ts';
import { todayOf } from '../../usecases/portfolio/training.ts';
import { ensureTrainingKinds } from '../../usecases/portfolio/training-kinds.ts';

/**
 * Where a demo person stands for one kind, spread so that the school view has something in every
 * column: a few expired, a few expiring within 30, 60 and 90 days, a few missing, most valid. Days
 * from today to the expiry; undefined: no record. Deterministic (no randomness), by position.
 */
const demoOffset = (personIndex: number, kindIndex: number): number | undefined => {
  const h = (personIndex * 7 + kindIndex * 3) % 20;
  if (h <= 1) return -20 - h * 25;
  if (h === 2) return 12;
  if (h === 3) return 45;
  if (h === 4) return 75;
  if (h === 5) return undefined;
  return 120 + h * 20;
};

const providers = ['Riverside Learning Trust (in-house)', 'St John Ambulance', 'National College', 'Local authority training'];

/**
 * Seeds the demo trust's training kinds and a realistic spread of records relative to the clock.
 * `people`: the demo staff (in a stable order); `recordedBy`: the account shown as recording them
 * (the demo trust admin). Everyone gets the kinds everyone needs; every fourth person also holds
 * the as-needed first aid and asthma training.
 */
export const seedDemoTraining = async (
  trx: Kysely<Tables>,
  options: {
    trustId: string;
    clock: () => Date;
    auditKey: Uint8Array;
    people: { personId: string }[];
    recordedBy: string;
    newId?: () => string;
  },
): Promise<void> => {
  const newId = options.newId ?? (() => crypto.randomUUID());
  const kinds = (await ensureTrainingKinds(trx, options.trustId, { auditKey: options.auditKey, newId })).filter(
    (k) => k.retiredAt === null,
  );
  const today = todayOf(options.clock);
  const now = options.clock();
  const store = training(trx);
  const events: Parameters<ReturnType<typeof audit>['record']> = [];
  for (const [personIndex, person] of options.people.entries()) {
    for (const [kindIndex, kind] of kinds.entries()) {
      const needed = kind.appliesTo === 'everyone' || (personIndex % 4 === 0 && (kind.code === 'first-aid' || kind.code === 'asthma'));
      const offset = demoOffset(personIndex, kindIndex);
      if (!needed || offset === undefined || kind.validityMonths === null) continue;
      // Back-date the completion by the validity period, so the expiry lands near today + offset.
      const completedOn = addDays(today, offset - Math.round(kind.validityMonths * 30.44));
      const expiresOn = expiryOf(completedOn, kind.validityMonths);
      const id = newId();
      await store.insertRecord({
        id,
        trustId: options.trustId,
        personId: person.personId,
        kindId: kind.id,
        completedOn,
        expiresOn,
        provider: providers[(personIndex + kindIndex) % providers.length] ?? null,
        recordedBy: options.recordedBy,
        recordedAt: now,
      });
      events.push({
        trustId: options.trustId,
        actor: options.recordedBy,
        action: 'training.recorded',
        entity: 'training_record',
        entityId: id,
        data: { after: { personId: person.personId, kind: kind.code, completedOn, expiresOn, demo: true } },
        occurredAt: now,
      });
    }
  }
  await audit(trx, options.auditKey).record(...events);
};
