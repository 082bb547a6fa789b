import { reportError } from './errors.ts';

const tasks: (() => Promise<void>)[] = [];
let installed = false;

/**
 * Registers work to do before the process ends on SIGINT/SIGTERM (closing the server and the
 * database, which releases the data-folder lock). A second signal, or 10 seconds, ends it at once.
 */
export const onShutdown = (task: () => Promise<void>) => {
  tasks.push(task);
  if (installed) return;
  installed = true;
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.on(signal, () => {
      if (shuttingDown) process.exit(code);
      shuttingDown = true;
      setTimeout(() => process.exit(code), 10_000).unref();
      void Promise.allSettled(tasks.map((t) => t())).then((results) => {
        for (const result of results) if (result.status === 'rejected') reportError(result.reason);
        process.exit(code);
      });
    });
  }
};
let shuttingDown = false;
