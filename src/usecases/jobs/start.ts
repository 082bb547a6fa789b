import type { AppContext } from '../context.ts';
import { mailSendHandler } from '../mail/deliver.ts';
import { ensureTrainingDigestScheduled, trainingDigestHandler } from '../portfolio/training-digest.ts';
import { createJobWorker } from './worker.ts';

/** Starts the application's job worker with every handler; returns a function that stops it (waiting for the job in hand). */
export const startJobWorker = (context: AppContext, onError: (error: unknown) => void, pollMs = 1000): (() => Promise<void>) => {
  const db = context.database.kysely;
  const worker = createJobWorker({
    db,
    clock: context.clock,
    pollMs,
    handlers: {
      'mail.send': mailSendHandler({ db, config: context.config, clock: context.clock }),
      'training.digest': trainingDigestHandler({
        db,
        auditKey: context.keys.auditKey,
        config: context.config,
        demo: context.demo,
        clock: context.clock,
        catalogue: () => context.catalogue.current(),
      }),
      noop: async () => {},
    },
    onError,
  });
  // The weekly training digest keeps exactly one pending job: make sure the chain exists (idempotent).
  const digestScheduled = ensureTrainingDigestScheduled(db, context.clock).catch(onError);
  worker.start();
  return async () => {
    await digestScheduled;
    await worker.stop();
  };
};
