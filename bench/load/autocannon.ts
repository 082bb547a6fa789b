/**
 * HTTP load from a second process: runs the autocannon command line (a devDependency) in a child
 * process per target and reads its JSON result, so the load generator never shares an event loop
 * (or a CPU slice) with the server being measured.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type LoadTarget = {
  url: string;
  /** Seconds to run. */
  duration: number;
  connections?: number;
  /** Requests per second across all connections (autocannon's --overallRate); unlimited when left out. */
  rate?: number;
  headers?: Record<string, string>;
};

/** What autocannon reports, in milliseconds. */
export type LoadResult = {
  url: string;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  latency: { p50: number; p90: number; p99: number; max: number; mean: number };
};

const require = createRequire(import.meta.url);
const autocannonBin = join(dirname(require.resolve('autocannon/package.json')), 'autocannon.js');

type AutocannonJson = {
  url: string;
  requests: { total: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  latency: { p50: number; p90: number; p99: number; max: number; mean: number };
};

/** Runs autocannon against one URL in a child process and resolves with its figures. */
export const runLoad = (target: LoadTarget): Promise<LoadResult> =>
  new Promise((resolve, reject) => {
    const args = [autocannonBin, '--json', '--duration', String(target.duration), '--connections', String(target.connections ?? 1)];
    if (target.rate !== undefined) args.push('--overallRate', String(target.rate));
    for (const [name, value] of Object.entries(target.headers ?? {})) args.push('--headers', `${name}=${value}`);
    args.push(target.url);
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}: ${err.trim()}`));
      try {
        const json = JSON.parse(out) as AutocannonJson;
        resolve({
          url: target.url,
          requests: json.requests.total,
          errors: json.errors,
          timeouts: json.timeouts,
          non2xx: json.non2xx,
          latency: json.latency,
        });
      } catch (error) {
        reject(new Error(`autocannon printed no JSON result: ${(error as Error).message}; ${out.slice(0, 200)}`));
      }
    });
  });
