import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../framework/catalogue.ts';
import { readFrameworkFiles } from '../../framework/load.ts';
import { claimableItems } from './claimable-items.ts';
import { stemOf, termOf } from './english-terms.ts';
import { suggestItems, suggestionIndexOf } from './suggestions.ts';

const catalogue = buildCatalogue(await readFrameworkFiles());
const top = (text: string, n: number, frameworks?: string[]) => suggestItems(catalogue, text, { limit: n, frameworks }).map((s) => s.code);

const texts = {
  behaviour:
    'At lunchtime a Year 4 pupil became very upset and started throwing chairs in the dining hall. I used the calm-down ' +
    'strategies from his behaviour plan, gave him a choice of two activities and praised him when he settled. I followed the ' +
    'school behaviour policy and talked with the class teacher afterwards about what had triggered the challenging behaviour.',
  phonics:
    'I led a phonics small-group session with five Year 1 children who were behind with their sounds. We practised blending ' +
    'and segmenting CVC words using sound buttons and I adapted the activity when two children struggled, which advanced their reading.',
  safeguarding:
    'During a reading session a pupil made a disclosure about being hurt at home. I listened, did not ask leading questions, ' +
    'reassured her and reported it straight away to the designated safeguarding lead following the child protection policy, ' +
    'recording exactly what was said.',
  planning:
    "I met the class teacher on Monday to plan next week's maths lessons. Together we agreed the learning objectives, I planned " +
    'my role with the lower-attaining group and prepared differentiated resources and worksheets for the activities.',
};

describe('suggestItems', () => {
  it('ranks the behaviour standards first for an account of managing challenging behaviour', () => {
    expect(top(texts.behaviour, 3)).toContain('HLTA.26');
    expect(top(texts.behaviour, 8)).toEqual(expect.arrayContaining(['ST1414.S1', 'NOS.19']));
    expect(top(texts.behaviour, 3, ['st1414'])).toContain('ST1414.S1');
  });

  it('suggests advancing learning with small groups for a phonics group session', () => {
    expect(top(texts.phonics, 3)).toContain('HLTA.30');
    expect(top(texts.phonics, 1, ['hlta-standards'])).toEqual(['HLTA.30']);
  });

  it('suggests the safeguarding and child protection items for a disclosure handled', () => {
    expect(top(texts.safeguarding, 3)).toEqual(expect.arrayContaining(['AT.D3', 'ST1414.S1']));
  });

  it('suggests the planning standards for planning a lesson with the teacher', () => {
    expect(top(texts.planning, 3)).toContain('TA4.D4');
    expect(top(texts.planning, 3, ['hlta-standards'])).toEqual(expect.arrayContaining(['HLTA.17', 'HLTA.18']));
  });

  it('tolerates a misspelt or half-typed word', () => {
    expect(top('promoting positive behavours with the group', 3)).toContain('HLTA.26');
    expect(top('I supported safeguard procedures today', 3)).toContain('ST1414.S1');
  });

  it('suggests nothing for fewer than three words, and nothing for text without meaning', () => {
    expect(suggestItems(catalogue, 'behaviour')).toEqual([]);
    expect(suggestItems(catalogue, 'positive behaviour')).toEqual([]);
    expect(suggestItems(catalogue, 'the and of it')).toEqual([]);
  });

  it('returns items of the asked frameworks only, each with its framework and a descending score', () => {
    const suggestions = suggestItems(catalogue, texts.behaviour, { frameworks: ['st1414', 'associate-teacher-l5'], limit: 20 });
    expect(suggestions.length).toBeGreaterThan(0);
    expect(new Set(suggestions.map((s) => s.framework))).toEqual(new Set(['st1414', 'associate-teacher-l5']));
    expect(suggestions.map((s) => s.score)).toEqual([...suggestions.map((s) => s.score)].sort((a, b) => b - a));
    expect(suggestions[0]).toMatchObject({ frameworkTitle: 'L5: Specialist teaching assistant' });
  });

  it('suggests one of a set of word-for-word identical role-profile duties, not all of them', () => {
    const texts = suggestItems(catalogue, 'supporting pupils social and emotional well-being and reporting problems', { limit: 20 })
      .filter((s) => s.framework === 'njc-role-profiles')
      .map((s) => s.text);
    expect(texts.length).toBeGreaterThan(0);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('builds the index once per catalogue', () => {
    expect(suggestionIndexOf(catalogue)).toBe(suggestionIndexOf(catalogue));
  });
});

describe('english terms', () => {
  it.each([
    ['behaviours', 'behaviour'],
    ['behavioural', 'behaviour'],
    ['phonics', 'phonic'],
    ['planning', 'plan'],
    ['planned', 'plan'],
    ['advanced', 'advanc'],
    ['advance', 'advanc'],
    ['strategies', 'strategy'],
    ['class', 'class'],
  ])('stems %s to %s', (word, stem) => {
    expect(stemOf(word)).toBe(stem);
  });

  it('drops stop-words, numbers and words every statement uses', () => {
    expect(termOf('The')).toBeNull();
    expect(termOf('2024')).toBeNull();
    expect(termOf('Pupils')).toBeNull();
    expect(termOf("Teacher's")).toBeNull();
    expect(termOf('Safeguarding')).toBe('safeguard');
  });
});

describe('claimableItems', () => {
  const groups = claimableItems(catalogue);
  const codes = groups.flatMap((g) => g.items.map((i) => i.code));

  it('lists the claimable items of each framework, in framework order', () => {
    expect(groups.map((g) => g.framework.id)).toEqual(
      expect.arrayContaining(['hlta-standards', 'st1414', 'associate-teacher-l5', 'njc-role-profiles']),
    );
    const hlta = groups.find((g) => g.framework.id === 'hlta-standards');
    expect(hlta?.items.map((i) => i.code)).toEqual(Array.from({ length: 33 }, (_, i) => `HLTA.${i + 1}`));
    expect(codes).toEqual(expect.arrayContaining(['ST1414.K16', 'ST1414.S1', 'ST1414.B1', 'ST1414.D10', 'AT.D16', 'TA3.D7a', 'NOS.19']));
  });

  it('leaves out groups, training modules and duties that only introduce sub-duties', () => {
    expect(codes).not.toContain('HLTA.values');
    expect(codes).not.toContain('ST1414.knowledge');
    expect(codes).not.toContain('TA3.D7');
    expect(groups.flatMap((g) => g.items).every((i) => i.kind !== 'group' && i.kind !== 'training-module')).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
