/** Reads one spreadsheet off the main event loop (see read-spreadsheet.ts) and posts back the rows or the refusal. */
import { parentPort, workerData } from 'node:worker_threads';
import { isAppError } from '../../contracts/errors.ts';
import { parseSpreadsheet } from './parse-spreadsheet.ts';
import type { SpreadsheetWorkerInput, SpreadsheetWorkerMessage } from './read-spreadsheet.ts';

const input: SpreadsheetWorkerInput = workerData;
const post = (message: SpreadsheetWorkerMessage) => parentPort?.postMessage(message);

try {
  post({ type: 'table', table: parseSpreadsheet(input.fileName, input.bytes, input.limits) });
} catch (error) {
  if (isAppError(error)) post({ type: 'refused', code: error.code, message: error.message, details: [...error.details] });
  else post({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
