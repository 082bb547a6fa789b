import { beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogue, type Catalogue } from '../../framework/catalogue.ts';
import { readFrameworkFiles } from '../../framework/load.ts';
import { priorLearningChoices } from './enrolment-page.ts';

let catalogue: Catalogue;
beforeAll(async () => {
  catalogue = buildCatalogue(await readFrameworkFiles());
});

describe('the KSBs offered as prior learning on the enrolment form', () => {
  it('groups the programme’s KSBs by knowledge, skills and behaviours, each labelled "CODE — statement"', () => {
    const groups = priorLearningChoices(catalogue, 'ST1414', 'SEND');
    expect(groups.map((g) => g.title)).toEqual(['Knowledge', 'Skills', 'Behaviours']);
    const k1 = groups[0]?.items.find((i) => i.value === 'ST1414.K1');
    expect(k1?.text).toMatch(/^ST1414\.K1 — \S/);
    for (const group of groups) for (const item of group.items) expect(item.text.startsWith(`${item.value} — `)).toBe(true);
  });

  it('offers the core and the chosen option only, the same KSBs the enrolment accepts', () => {
    const codes = (option: string | null) => priorLearningChoices(catalogue, 'ST1414', option).flatMap((g) => g.items.map((i) => i.value));
    expect(codes('SEND')).toContain('ST1414.K30');
    expect(codes(null)).toContain('ST1414.K1');
    expect(codes(null)).not.toContain('ST1414.K30');
  });

  it('offers nothing for a programme Pathways does not hold', () => {
    expect(priorLearningChoices(catalogue, 'ST9999', null)).toEqual([]);
  });
});
