/**
 * Builds the browser assets into public/build (served under /assets):
 * - app.css: govuk-frontend's Sass with a system font stack (GDS Transport is reserved for GOV.UK) plus Pathways' styles;
 * - govuk-frontend.min.js and the per-page scripts;
 * - Pathways' own icon and manifest (never the GOV.UK crown, the crown icons or the GDS Transport fonts).
 * Idempotent and fast: a step whose output is newer than all its inputs is skipped.
 */
import { copyFile, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants as zlibConstants } from 'node:zlib';
import { compileAsync } from 'sass';

const root = fileURLToPath(new URL('../', import.meta.url));
const out = join(root, 'public/build');
const govuk = join(root, 'node_modules/govuk-frontend');
const stylesDir = join(root, 'src/http/web/styles');
const scriptsDir = join(root, 'src/http/web/scripts');
const publicDir = join(root, 'public');

const mtimeOf = async (file: string) => (await stat(file).catch(() => undefined))?.mtimeMs ?? 0;

const filesIn = async (dir: string): Promise<string[]> => {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(dir, e.name));
};

/** True when `target` exists and is newer than every input. */
const isFresh = async (target: string, inputs: string[]) => {
  const built = await mtimeOf(target);
  if (built === 0) return false;
  const times = await Promise.all(inputs.map(mtimeOf));
  return times.every((t) => t < built);
};

const buildCss = async () => {
  const target = join(out, 'app.css');
  const inputs = [...(await filesIn(stylesDir)), join(govuk, 'package.json'), fileURLToPath(import.meta.url)];
  if (await isFresh(target, inputs)) return false;
  const result = await compileAsync(join(stylesDir, 'app.scss'), {
    loadPaths: [join(root, 'node_modules')],
    style: 'compressed',
    quietDeps: true,
    silenceDeprecations: ['import'],
  });
  await writeFile(target, result.css);
  return true;
};

const copyIfStale = async (from: string, to: string) => {
  if (await isFresh(to, [from])) return false;
  await mkdir(dirname(to), { recursive: true });
  await copyFile(from, to);
  return true;
};

const copies = async (): Promise<[string, string][]> => [
  [join(govuk, 'dist/govuk/govuk-frontend.min.js'), join(out, 'govuk-frontend.min.js')],
  [join(publicDir, 'images/pathways-icon.svg'), join(out, 'images/pathways-icon.svg')],
  [join(publicDir, 'manifest.json'), join(out, 'manifest.json')],
  ...(await filesIn(scriptsDir))
    .filter((f) => f.endsWith('.mjs'))
    .map((f): [string, string] => [f, join(out, 'scripts', relative(scriptsDir, f))]),
];

/** Brotli and gzip copies of the large assets, served as they are by @fastify/static (preCompressed). */
const compressIfStale = async (file: string) => {
  const source = await readFile(file);
  const variants: [string, () => Buffer][] = [
    [`${file}.br`, () => brotliCompressSync(source, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } })],
    [`${file}.gz`, () => gzipSync(source, { level: 9 })],
  ];
  let changed = false;
  for (const [target, compress] of variants) {
    if (await isFresh(target, [file])) continue;
    await writeFile(target, compress());
    changed = true;
  }
  return changed;
};

export const buildAssets = async () => {
  const started = performance.now();
  await mkdir(out, { recursive: true });
  const css = await buildCss();
  const copied = await Promise.all((await copies()).map(([from, to]) => copyIfStale(from, to)));
  const compressed = await Promise.all([join(out, 'app.css'), join(out, 'govuk-frontend.min.js')].map(compressIfStale));
  const changed = (css ? 1 : 0) + copied.filter(Boolean).length + compressed.filter(Boolean).length;
  const ms = Math.round(performance.now() - started);
  console.log(changed === 0 ? `assets up to date (${ms} ms)` : `built ${changed} asset(s) into public/build in ${ms} ms`);
};

if (import.meta.main) await buildAssets();
