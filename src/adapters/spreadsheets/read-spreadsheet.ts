import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode, type ErrorDetail } from '../../contracts/errors.ts';
import { countText, type SpreadsheetLimits, spreadsheetLimits } from '../../domain/spreadsheet-limits.ts';
import type { Table } from './parse-spreadsheet.ts';

export type { Table } from './parse-spreadsheet.ts';

export type SpreadsheetWorkerInput = { fileName: string; bytes: Uint8Array; limits: SpreadsheetLimits };
export type SpreadsheetWorkerMessage =
  | { type: 'table'; table: Table }
  | { type: 'refused'; code: ErrorCode; message: string; details: ErrorDetail[] }
  | { type: 'failed'; message: string };

/**
 * Reads a staff spreadsheet (CSV or XLSX) into rows of text in a worker thread, so a hostile file
 * never blocks the event loop that serves everyone else (or a CLI's signal handlers). The worker's
 * heap is capped and it is terminated when it runs past the time limit; every limit refuses with a
 * message that names the file and the limit.
 */
export const readSpreadsheet = (fileName: string, bytes: Uint8Array, limits: SpreadsheetLimits = spreadsheetLimits): Promise<Table> =>
  new Promise<Table>((resolve, reject) => {
    const workerData: SpreadsheetWorkerInput = { fileName, bytes, limits };
    const worker = new Worker(new URL('./read-spreadsheet-worker.ts', import.meta.url), {
      workerData,
      resourceLimits: { maxOldGenerationSizeMb: limits.maxMemoryMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
    });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
      void worker.terminate();
    };
    const refuse = (reason: string) => settle(() => reject(new AppError('import_invalid', `${fileName}: ${reason}`)));
    const timer = setTimeout(
      () => refuse(`reading the file took longer than ${countText(limits.maxMilliseconds / 1000)} seconds, the most the import allows`),
      limits.maxMilliseconds,
    );
    worker.on('message', (message: SpreadsheetWorkerMessage) => {
      if (message.type === 'table') settle(() => resolve(message.table));
      else if (message.type === 'refused') settle(() => reject(new AppError(message.code, message.message, message.details)));
      else settle(() => reject(new Error(`The spreadsheet reader failed on ${fileName}: ${message.message}`)));
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY')
        refuse(`reading the file needs more than the ${countText(limits.maxMemoryMb)} MB of memory the import allows`);
      else settle(() => reject(error));
    });
    worker.on('exit', (code) => settle(() => reject(new Error(`The spreadsheet reader stopped (exit code ${code}) on ${fileName}`))));
  });
