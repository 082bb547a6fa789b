import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../contracts/errors.ts';
import { type FrameworkSource, readFrameworkFiles } from '../load.ts';
import { convertIfateStandard } from './convert.ts';
import { parseIfateStandard } from './parse.ts';
import { planIfateImport } from './plan.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const sample = () => JSON.parse(fixture('st0454-v1.1.json')) as Record<string, unknown> & { duties: Record<string, unknown>[] };

const failureOf = (run: () => unknown): AppError => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
};

let builtIn: FrameworkSource[];
beforeAll(async () => {
  builtIn = await readFrameworkFiles();
});

describe('parseIfateStandard', () => {
  it('reads the Skills England API shape', () => {
    const standard = parseIfateStandard(fixture('st0454-v1.1.json'), 'st0454-v1.1.json');
    expect(standard).toMatchObject({ referenceNumber: 'ST0454', version: '1.1', larsCode: '297', level: 3, typicalDuration: 18 });
    expect(standard.typicalJobTitles).toEqual(['Classroom assistant', 'Learning support assistant', 'Teaching assistant']);
    expect(standard.duties).toHaveLength(10);
    expect(standard.duties.every((d) => d.isThisACoreDuty)).toBe(true);
  });

  it('accepts dutyID as well as dutyId, job titles as a list, and booleans for isThisACoreDuty', () => {
    const json = sample();
    json.typicalJobTitles = ['Teaching assistant', 'Classroom assistant'];
    json.duties = json.duties.map(({ dutyId, ...duty }) => ({ ...duty, dutyID: dutyId, isThisACoreDuty: true }));
    const standard = parseIfateStandard(json, 'variant.json');
    expect(standard.duties[0]?.dutyId).toBe(sample().duties[0]?.dutyId);
    expect(standard.typicalJobTitles).toHaveLength(2);
  });

  it.each([
    ['bad JSON', 'malformed/bad-json.txt', /not valid JSON/, /^\$ \(line \d+, column \d+, position \d+\)$/],
    ['a missing list', 'malformed/missing-skills.json', /Skills England API shape/, /^\$\.skills$/],
    ['a duty mapping to an unknown GUID', 'malformed/unknown-guid.json', /broken id reference/, /^\$\.duties\[3\]\.mappedKnowledge\[1\]$/],
    ['a duplicate id', 'malformed/duplicate-id.json', /broken id reference/, /^\$\.skills\[4\]\.skillId$/],
  ])('refuses %s with the JSON path and the reason', (_name, file, message, where) => {
    const error = failureOf(() => parseIfateStandard(fixture(file), file));
    expect(error.code).toBe('import_invalid');
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/Nothing was imported/);
    expect(
      error.details.some((d) => where.test(d.where)),
      JSON.stringify(error.details),
    ).toBe(true);
    expect(error.details.every((d) => d.reason.length > 0)).toBe(true);
  });

  it('says when a mapping names an id of the wrong list', () => {
    const json = sample();
    const skillId = (json.skills as { skillId: string }[])[0]?.skillId;
    (json.duties[0] as { mappedKnowledge: string[] }).mappedKnowledge.push(skillId ?? '');
    const error = failureOf(() => parseIfateStandard(json, 'wrong-list.json'));
    expect(error.details).toContainEqual({
      where: '$.duties[0].mappedKnowledge[3]',
      reason: expect.stringMatching(/not a knowledge id .*\$\.skills\[0\]/),
    });
  });
});

describe('convertIfateStandard', () => {
  it('derives codes from list position, as the published service does', () => {
    const framework = convertIfateStandard(parseIfateStandard(fixture('st0454-v1.1.json'), 'f'));
    expect(framework.id).toBe('st0454-v1.1');
    const codes = (framework.items ?? []).map((i) => i.code);
    expect(codes).toEqual(expect.arrayContaining(['ST0454.D1', 'ST0454.D10', 'ST0454.K1', 'ST0454.K12', 'ST0454.S10', 'ST0454.B5']));
    expect(framework.items?.find((i) => i.code === 'ST0454.K3')?.text).toMatch(/^Statutory and non-statutory frameworks/);
    expect(framework.roles?.[0]).toMatchObject({ id: 'TEACHING_ASSISTANT_L3', level: { value: 3 } });
    expect(framework.qualifications?.[0]).toMatchObject({ id: 'ST0454', level: 3, durationMonths: { value: 18 } });
    expect(framework.requirements?.[0]?.requirement).toMatchObject({ type: 'itemsMet', set: { framework: 'st0454-v1.1' } });
    expect(framework.provenance).toEqual({ origin: 'import', format: 'ifate', reference: 'ST0454 version 1.1' });
  });

  it("scopes KSBs mapped only from option duties to those options, core duties' KSBs to every option", () => {
    const json = sample();
    const optionA = '11111111-1111-4111-8111-111111111111';
    const optionB = '22222222-2222-4222-8222-222222222222';
    json.options = [
      { optionId: optionA, title: 'Special educational needs' },
      { optionId: optionB, title: 'Early years' },
    ];
    const knowledges = json.knowledges as { knowledgeId: string }[];
    const onlyOptionA = knowledges[11]?.knowledgeId ?? '';
    const shared = knowledges[0]?.knowledgeId ?? '';
    json.duties = json.duties.map((d, i) => (i === 9 ? { ...d, isThisACoreDuty: 0, mappedOptions: [optionA] } : d));
    json.duties.push({
      dutyId: '33333333-3333-4333-8333-333333333333',
      dutyDetail: 'Support early years practitioners.',
      isThisACoreDuty: 0,
      mappedKnowledge: [shared],
      mappedSkills: [],
      mappedBehaviour: [],
      mappedOptions: [optionB],
    });
    const framework = convertIfateStandard(parseIfateStandard(json, 'options.json'));
    const item = (code: string) => framework.items?.find((i) => i.code === code);
    expect(framework.roles?.[0]?.options?.map((o) => o.id)).toEqual(['O1', 'O2']);
    expect(item('ST0454.D10')).toMatchObject({ options: ['O1'], parent: 'ST0454.option-duties' });
    expect(item('ST0454.D11')).toMatchObject({ options: ['O2'] });
    expect(item('ST0454.K12')).toMatchObject({ options: ['O1'], inferred: expect.stringMatching(/D10/) });
    expect(onlyOptionA).toBeTruthy();
    expect(item('ST0454.K1')?.options).toBeUndefined();
  });
});

describe('planIfateImport', () => {
  it('fits a new standard into the catalogue, usable like ST1414', () => {
    const plan = planIfateImport(parseIfateStandard(fixture('st0454-v1.1.json'), 'f'), 'f', builtIn, []);
    expect(plan.updated).toEqual([]);
    expect(plan.catalogue.item('ST0454.K1')?.kind).toBe('knowledge');
    expect(plan.catalogue.requirementsFor('ST0454', 'gateway')).toHaveLength(1);
    expect(plan.catalogue.item('ST1414.K31')).toBeDefined();
  });

  it('links a new version to the old with replacedBy; lookups by code answer the newest', () => {
    const first = planIfateImport(parseIfateStandard(fixture('st0454-v1.1.json'), 'a'), 'a', builtIn, []);
    const second = planIfateImport(parseIfateStandard(fixture('st0454-v1.2.json'), 'b'), 'b', builtIn, [first.added]);
    expect(second.updated).toHaveLength(1);
    expect(second.updated[0]?.framework).toMatchObject({
      id: 'st0454-v1.1',
      status: 'superseded',
      replacedBy: { framework: 'st0454-v1.2' },
    });
    expect(second.added.framework.replacedBy).toBeUndefined();
    expect(second.catalogue.frameworkOf('ST0454.K7')?.id).toBe('st0454-v1.2');
    expect(second.catalogue.item('ST0454.K7')?.text).toMatch(/systematic synthetic phonics/);
    expect(second.catalogue.framework('st0454-v1.1')).toBeDefined();

    // An older version imported after a newer one slots in before it.
    const older = JSON.parse(fixture('st0454-v1.1.json')) as Record<string, unknown>;
    older.version = '1.0';
    const third = planIfateImport(parseIfateStandard(older, 'c'), 'c', builtIn, [second.added, ...second.updated]);
    expect(third.added.framework.replacedBy?.framework).toBe('st0454-v1.1');
    expect(third.updated).toEqual([]);
  });

  it('refuses a standard whose codes clash with the built-in catalogue, naming the clash', () => {
    const json = sample();
    json.referenceNumber = 'ST1414';
    const error = failureOf(() => planIfateImport(parseIfateStandard(json, 'clash.json'), 'clash.json', builtIn, []));
    expect(error.code).toBe('import_invalid');
    expect(error.details.some((d) => /ST1414\.K1/.test(d.where) && /already used in framework st1414/.test(d.reason))).toBe(true);
  });
});

describe('the Skills England API as the public importer reads it (das-courses-api ImportTypes/SkillsEngland)', () => {
  const apiFile = 'skillsengland-api-st0454-v1.1.json';
  const apiRecord = () => {
    const [record] = JSON.parse(fixture(apiFile)) as (Record<string, unknown> & { duties: Record<string, unknown>[] })[];
    if (!record) throw new Error('fixture');
    return record;
  };

  it('imports a file saved from the API: an array of one record with every field, dutyID, 1/0 core flags, null lists', () => {
    const standard = parseIfateStandard(fixture(apiFile), apiFile);
    expect(standard).toMatchObject({ referenceNumber: 'ST0454', version: '1.1', larsCode: '297', level: 3, typicalDuration: 18 });
    expect(standard.typicalJobTitles).toHaveLength(7);
    expect(standard.duties).toHaveLength(10);
    expect(standard.duties.every((d) => d.isThisACoreDuty && d.mappedOptions.length === 0)).toBe(true);
    expect(standard.duties[0]?.dutyId).toBe(apiRecord().duties[0]?.dutyID);
    const plan = planIfateImport(standard, apiFile, builtIn, []);
    expect(plan.catalogue.item('ST0454.D1')?.text).toBe(apiRecord().duties[0]?.dutyDetail);
    expect(plan.catalogue.items({ framework: 'st0454-v1.1', kind: 'knowledge' })).toHaveLength(12);
  });

  it('reads isThisACoreDuty 0 as an option duty, an unset flag by whether the duty names options, and upper-case GUIDs', () => {
    const json = apiRecord();
    const option = '44444444-4444-4444-8444-444444444444';
    json.options = [{ optionId: option.toUpperCase(), title: 'Early years' }];
    json.coreAndOptions = true;
    const [first, second, third] = json.duties;
    if (!first || !second || !third) throw new Error('fixture');
    first.isThisACoreDuty = 0;
    first.mappedOptions = [option];
    delete second.isThisACoreDuty;
    second.mappedOptions = [option.toUpperCase()];
    third.isThisACoreDuty = null;
    third.mappedOptions = null;
    const standard = parseIfateStandard(json, 'options.json');
    expect(standard.duties.slice(0, 3).map((d) => d.isThisACoreDuty)).toEqual([false, false, true]);
    const framework = convertIfateStandard(standard);
    expect(framework.items?.find((i) => i.code === 'ST0454.D1')).toMatchObject({ options: ['O1'], parent: 'ST0454.option-duties' });
    expect(framework.items?.find((i) => i.code === 'ST0454.D3')?.options).toBeUndefined();
  });

  it('takes a list the API sends as null as empty, but still refuses a list that is missing', () => {
    const json = apiRecord();
    json.behaviours = null;
    for (const duty of json.duties) duty.mappedBehaviour = null;
    expect(parseIfateStandard(json, 'null-behaviours.json').behaviours).toEqual([]);
    delete json.behaviours;
    const error = failureOf(() => parseIfateStandard(json, 'no-behaviours.json'));
    expect(error.details.map((d) => d.where)).toContain('$.behaviours');
  });

  it('refuses a file of several standards, saying to import one at a time', () => {
    const error = failureOf(() => parseIfateStandard(JSON.stringify([apiRecord(), apiRecord()]), 'all.json'));
    expect(error).toMatchObject({ code: 'import_invalid', message: expect.stringMatching(/holds 2 records.*one standard at a time/) });
  });
});
