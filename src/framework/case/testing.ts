import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';

/**
 * The third-party CASE artefacts the tests check against (`../shared/external/case/`, provenance in
 * its SOURCES.md): the official 1EdTech CASE 1.1 CFPackage JSON Schema and real OpenSALT packages.
 * Located like the seeds: `PATHWAYS_EXTERNAL_DIR`, else `<repo>/../shared/external`. When the folder
 * is missing the tests skip, unless `PATHWAYS_REQUIRE_SEEDS=1` (as in CI), where they fail.
 */
export const externalDir = resolve(process.env.PATHWAYS_EXTERNAL_DIR ?? join(import.meta.dirname, '../../../../shared/external'));
export const caseDir = join(externalDir, 'case');
export const externalPresent = existsSync(join(caseDir, 'case_v1p1_cfpackage-jsonschema1.json'));
if (!externalPresent && process.env.PATHWAYS_REQUIRE_SEEDS === '1') {
  throw new Error(`PATHWAYS_REQUIRE_SEEDS=1 but the CASE artefacts are not in ${caseDir} (set PATHWAYS_EXTERNAL_DIR)`);
}

/** The real OpenSALT packages of SOURCES.md, with the counts SOURCES.md and the files give. */
export const openSaltPackages = [
  'opensalt-tests-Ordering-ACT-Holistic-Math.cfpackage.json',
  'opensalt-sample-what-standards-could-be.cfpackage.json',
  'opensalt-tests-SmartLevelFramework.cfpackage.json',
  'opensalt-tests-Utf8TestFramework.cfpackage.json',
] as const;

export const readCaseFile = (name: string): string => readFileSync(join(caseDir, name), 'utf8');

/** A validator for the official CASE 1.1 CFPackage JSON Schema (draft 2019-09, so Ajv's 2019 class, with formats). */
export const officialCase11Validator = () => {
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv.compile(JSON.parse(readCaseFile('case_v1p1_cfpackage-jsonschema1.json')));
};
