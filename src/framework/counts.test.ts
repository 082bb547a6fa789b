import { beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogue, type Catalogue } from './catalogue.ts';
import { readFrameworkFiles } from './load.ts';

let catalogue: Catalogue;
beforeAll(async () => {
  catalogue = buildCatalogue(await readFrameworkFiles());
});

const codes = (framework: string, kind: string) => catalogue.items({ framework, kind: kind as never }).map((i) => i.code);
const range = (prefix: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);

describe('the catalogue holds every framework the seeds define', () => {
  it('has the eleven frameworks with stable ids', () => {
    expect(catalogue.frameworks.map((f) => f.id).sort()).toEqual(
      [
        'adult-skills-levels',
        'associate-teacher-l5',
        'essential-training',
        'fr04171',
        'hlta-standards',
        'njc-role-profiles',
        'nos-stl',
        'partnership-teacher',
        'progression',
        'qcf-stl',
        'st1414',
      ].sort(),
    );
  });

  it.each([
    ['TA1', 5],
    ['TA2', 8],
    ['TA3', 7],
    ['TA4', 7],
    ['TA5', 10],
    ['ASNA1', 10],
    ['ASNA2', 7],
    ['ASNA3', 9],
  ])('%s has %i key duties numbered as in the seed', (role, count) => {
    expect(catalogue.children(role).map((d) => d.code)).toEqual(range(`${role}.D`, 1, count));
  });

  it.each([['TA3.D7'], ['TA4.D7'], ['TA5.D10']])('%s has specialisms a–d', (duty) => {
    expect(catalogue.children(duty).map((d) => d.code)).toEqual(['a', 'b', 'c', 'd'].map((s) => `${duty}${s}`));
  });

  it('records that TA5 knowledge refers to 7(a-d) while its specialism duty is 10', () => {
    const notes = catalogue.role('TA5')?.notes ?? [];
    expect(notes.some((n) => n.kind === 'discrepancy' && n.text.includes('7(a-d)'))).toBe(true);
  });

  it('says the NJC profiles apply to England, Wales and Northern Ireland, not Scotland', () => {
    for (const id of ['TA1', 'TA5', 'ASNA3']) expect(catalogue.role(id)?.nations).toEqual(['England', 'Wales', 'Northern Ireland']);
  });

  it('has the 33 HLTA standards under their headings', () => {
    expect(codes('hlta-standards', 'standard')).toEqual(range('HLTA.', 1, 33));
    expect(catalogue.item('HLTA.17')?.parent).toBe('HLTA.skills.planning');
    expect(catalogue.item('HLTA.26')?.parent).toBe('HLTA.skills.teaching');
    expect(catalogue.item('HLTA.1')?.parent).toBe('HLTA.values');
    expect(catalogue.item('HLTA.8')?.parent).toBe('HLTA.knowledge');
    expect(catalogue.status('HLTA_STATUS')).toBeDefined();
  });

  it('has ST1414 v1.0 approved for delivery with three options, duties 1–20, K1–K47, S1–S35, B1–B6', () => {
    // The seed shows the standard in development; v1.0 has since been approved and delivered (issue 10).
    expect(catalogue.framework('st1414')?.status).toBe('current');
    expect(catalogue.framework('st1414')?.approval).toMatchObject({
      status: 'approved-for-delivery',
      version: '1.0',
      deliveryStarted: true,
    });
    expect(catalogue.role('SPECIALIST_TA_L5')?.options?.map((o) => o.id)).toEqual(['SEND', 'SEW', 'SCP']);
    expect(codes('st1414', 'duty')).toEqual(range('ST1414.D', 1, 20));
    expect(codes('st1414', 'knowledge')).toEqual(range('ST1414.K', 1, 47));
    expect(codes('st1414', 'skill')).toEqual(range('ST1414.S', 1, 35));
    expect(codes('st1414', 'behaviour')).toEqual(range('ST1414.B', 1, 6));
    expect(catalogue.qualification('ST1414')?.durationMonths?.value).toBe(24);
  });

  it.each([
    ['SEND', [...range('ST1414.K', 30, 35), ...range('ST1414.S', 27, 29), 'ST1414.D15', 'ST1414.D16']],
    ['SEW', [...range('ST1414.K', 36, 41), ...range('ST1414.S', 30, 32), 'ST1414.D17', 'ST1414.D18']],
    ['SCP', [...range('ST1414.K', 42, 47), ...range('ST1414.S', 33, 35), 'ST1414.D19', 'ST1414.D20']],
  ])('scopes %s-only items to that option, marking inferred KSB scopes', (option, expected) => {
    const scoped = catalogue.items({ framework: 'st1414' }).filter((i) => i.options?.includes(option));
    expect(scoped.map((i) => i.code).sort()).toEqual([...expected].sort());
    expect(scoped.filter((i) => i.kind !== 'duty').every((i) => i.inferred)).toBe(true);
  });

  it('has the 16 Associate Teacher duties', () => {
    expect(codes('associate-teacher-l5', 'duty')).toEqual(range('AT.D', 1, 16));
  });

  it('has the 7 QCF qualifications with their units and credit rules, and no invented credits', () => {
    const quals = catalogue.qualifications().filter((q) => q.framework.id === 'qcf-stl');
    expect(quals).toHaveLength(7);
    expect(catalogue.qualification('QCF.L2-CERT-STL')?.units?.filter((u) => u.category === 'core')).toHaveLength(10);
    expect(catalogue.qualification('QCF.L2-CERT-SWC')?.units?.filter((u) => u.category === 'optional')).toHaveLength(4);
    expect(catalogue.qualification('QCF.L3-CERT-STL')?.units?.filter((u) => u.category === 'additional')).toHaveLength(7);
    const units = quals.flatMap((q) => q.qualification.units ?? []);
    expect(units.every((u) => u.credits === null)).toBe(true);
    expect(units.filter((u) => u.nos.length === 0)).toHaveLength(2);
    expect(catalogue.framework('qcf-stl')?.creditRules?.hoursPerCredit).toBe(10);
    expect(catalogue.framework('qcf-stl')?.replacedBy?.title).toMatch(/RQF|Regulated Qualifications Framework/);
  });

  it('names NOS units by number and records that the suite has 69', () => {
    expect(catalogue.item('NOS.1')?.kind).toBe('nos-unit');
    expect(catalogue.item('NOS.23')?.title).toBe(
      'Plan, deliver and evaluate teaching and learning activities under the direction of a teacher',
    );
    expect(catalogue.framework('nos-stl')?.notes?.some((n) => n.text.includes('69'))).toBe(true);
  });

  it('encodes the 10 listed core and 4 additional essential-training modules and the 11-vs-10 discrepancy', () => {
    expect(codes('essential-training', 'training-module')).toEqual([...range('ET.core.', 1, 10), ...range('ET.additional.', 1, 4)]);
    expect(catalogue.framework('essential-training')?.notes?.some((n) => n.kind === 'discrepancy' && n.text.includes('11'))).toBe(true);
  });

  it('has the FR04171 Intermediate and Advanced frameworks with job titles, replaced by standards', () => {
    expect(catalogue.qualification('FR04171.INTERMEDIATE')?.level).toBe(2);
    expect(catalogue.qualification('FR04171.ADVANCED')?.level).toBe(3);
    expect(catalogue.qualification('FR04171.ADVANCED')?.typicalJobTitles?.items).toContain('team leader');
    expect(catalogue.framework('fr04171')?.replacedBy).toBeDefined();
  });

  it('has the 11 kinds of partnership teacher', () => {
    expect(codes('partnership-teacher', 'partnership-teacher-kind')).toHaveLength(11);
    expect(catalogue.item('PT.secondee')?.title).toBe('The secondee');
    expect(catalogue.item('PT.digitiser')).toBeDefined();
  });

  it('has the adult skills levels, with GCSE 9–1 as a Pathways addition', () => {
    const levels = catalogue.framework('adult-skills-levels')?.adultSkillsLevels?.map((l) => l.id);
    expect(levels).toEqual(expect.arrayContaining(['E1', 'E2', 'E3', 'L1', 'L2']));
    const gcse = catalogue.gradeScheme('gcse-9-1');
    expect(gcse?.provenance).toMatchObject({ origin: 'pathways' });
    expect(gcse?.grades.find((g) => g.grade === '4')?.level).toBe('L2');
    expect(catalogue.gradeScheme('functional-skills')?.grades.find((g) => g.grade === 'L2')?.level).toBe('L2');
  });

  it('has the progression edges the seeds describe, each with a strength', () => {
    const precedes = catalogue.associations({ type: 'precedes' });
    const edge = (from: string, to: string) => precedes.find((a) => a.from === from && a.to === to);
    for (const [from, to] of [
      ['TA1', 'TA2'],
      ['TA2', 'TA3'],
      ['TA3', 'TA4'],
      ['TA4', 'TA5'],
      ['ASNA1', 'ASNA2'],
      ['ASNA2', 'ASNA3'],
      ['SPECIALIST_TA_L5', 'TEACHER_QTS'],
      ['SPECIALIST_TA_L5', 'LEARNING_AND_SKILLS_TEACHER'],
    ]) {
      expect(edge(from!, to!), `${from} precedes ${to}`).toBeDefined();
    }
    expect(precedes.every((a) => a.strength)).toBe(true);
  });

  it('writes each NJC role requirement as data, qualifications indicative', () => {
    for (const role of ['TA1', 'TA2', 'TA3', 'TA4', 'TA5', 'ASNA1', 'ASNA2', 'ASNA3']) {
      expect(catalogue.requirementsFor(role).length, role).toBeGreaterThan(0);
    }
    expect(catalogue.requirementsFor('HLTA_STATUS').length).toBeGreaterThan(0);
    expect(catalogue.requirementsFor('ITT.QTS').length).toBeGreaterThan(0);
  });
});
