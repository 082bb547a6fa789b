import { describe, expect, it } from 'vitest';
import { type Claim, decide, type EvidenceState, editableParts, reviseClaims, submit } from './workflow.ts';

const claim = (itemCode: string, status: Claim['status'] = 'claimed', feedback: string | null = null): Claim => ({
  itemCode,
  status,
  feedback,
});
const item = (over: Partial<EvidenceState> = {}): EvidenceState => ({
  id: 'e1',
  personId: 'author',
  status: 'draft',
  title: 'Behaviour in Year 4',
  claims: [claim('HLTA.26'), claim('ST1414.K16')],
  ...over,
});
const manager = { personId: 'manager' };

describe('editableParts', () => {
  it.each([
    ['draft', [claim('A')], true, ['A']],
    ['submitted', [claim('A')], false, []],
    ['decided', [claim('A', 'accepted')], false, []],
    ['decided', [claim('A', 'accepted'), claim('B', 'returned', 'more')], true, ['B']],
  ] as const)('%s with %j: editable %s, removable %j', (status, claims, any, removable) => {
    const parts = editableParts({ status, claims });
    expect(parts.any).toBe(any);
    expect(parts.removableClaims).toEqual(removable);
  });
});

describe('reviseClaims', () => {
  it('keeps accepted claims even when unticked and adds new ones as claimed', () => {
    const result = reviseClaims({ status: 'decided', claims: [claim('A', 'accepted'), claim('B', 'returned', 'x')] }, ['C']);
    expect(result).toEqual({ ok: true, value: [claim('A', 'accepted'), claim('C')] });
  });
  it('refuses while the evidence waits for a decision', () => {
    expect(reviseClaims({ status: 'submitted', claims: [] }, ['A']).ok).toBe(false);
  });
});

describe('submit', () => {
  it.each([
    ['no claims', item({ claims: [] }), 'claims'],
    ['no title', item({ title: '  ' }), 'title'],
    ['already submitted', item({ status: 'submitted' }), 'evidence'],
    ['everything accepted', item({ status: 'decided', claims: [claim('A', 'accepted')] }), 'evidence'],
  ])('refuses %s', (_name, evidence, where) => {
    const result = submit(evidence);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.where).toBe(where);
  });

  it('submits a draft with its claims', () => {
    expect(submit(item())).toEqual({ ok: true, value: { status: 'submitted', claims: item().claims } });
  });

  it('on resubmission puts returned claims back to claimed and keeps accepted ones', () => {
    const result = submit(item({ status: 'decided', claims: [claim('A', 'accepted'), claim('B', 'returned', 'add an example')] }));
    expect(result).toEqual({
      ok: true,
      value: { status: 'submitted', claims: [claim('A', 'accepted'), claim('B', 'claimed', 'add an example')] },
    });
  });
});

describe('decide', () => {
  const submitted = item({ status: 'submitted' });

  it('one weak claim does not sink the rest', () => {
    const result = decide(
      submitted,
      [
        { itemCode: 'HLTA.26', outcome: 'accepted' },
        { itemCode: 'ST1414.K16', outcome: 'returned', feedback: 'Say what the pupils did' },
      ],
      manager,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.claims).toEqual([claim('HLTA.26', 'accepted'), claim('ST1414.K16', 'returned', 'Say what the pupils did')]);
    expect(result.value.judgements).toEqual([{ itemCode: 'HLTA.26', value: 'met', source: 'evidence', evidenceId: 'e1' }]);
  });

  it.each([
    [
      'the author',
      [
        { itemCode: 'HLTA.26', outcome: 'accepted' as const },
        { itemCode: 'ST1414.K16', outcome: 'accepted' as const },
      ],
      { personId: 'author' },
      'You cannot decide on your own evidence',
    ],
    [
      'a missing decision',
      [{ itemCode: 'HLTA.26', outcome: 'accepted' as const }],
      manager,
      'Decide whether to accept or return ST1414.K16',
    ],
    [
      'an unknown code',
      [
        { itemCode: 'HLTA.26', outcome: 'accepted' as const },
        { itemCode: 'ST1414.K16', outcome: 'accepted' as const },
        { itemCode: 'NOPE', outcome: 'accepted' as const },
      ],
      manager,
      'NOPE is not a claim waiting for a decision',
    ],
    [
      'a return without feedback',
      [
        { itemCode: 'HLTA.26', outcome: 'accepted' as const },
        { itemCode: 'ST1414.K16', outcome: 'returned' as const },
      ],
      manager,
      'Give feedback when you return a claim',
    ],
  ])('refuses %s', (_name, decisions, decider, reason) => {
    const result = decide(submitted, decisions, decider);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.reason)).toContain(reason);
  });

  it('refuses evidence that is not submitted', () => {
    expect(decide(item(), [{ itemCode: 'HLTA.26', outcome: 'accepted' }], manager).ok).toBe(false);
  });

  it('after resubmission decides only the claims waiting, leaving accepted ones alone', () => {
    const resubmitted = item({ status: 'submitted', claims: [claim('A', 'accepted'), claim('B', 'claimed', 'old feedback')] });
    const result = decide(resubmitted, [{ itemCode: 'B', outcome: 'accepted' }], manager);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.claims).toEqual([claim('A', 'accepted'), claim('B', 'accepted')]);
    expect(result.value.judgements.map((j) => j.itemCode)).toEqual(['B']);
  });
});
