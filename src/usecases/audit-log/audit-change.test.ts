import { describe, expect, it } from 'vitest';
import { changesOf } from './audit-change.ts';

const labels: Record<string, string> = { 'ST1414.K16': 'ST1414.K16 How to support pupils with SEND' };
const labelOf = (code: string) => labels[code];

describe('changesOf', () => {
  it('shows each claim an evidence event records with its wording and its status in words', () => {
    const { changes } = changesOf(
      { before: { claims: ['ST1414.K16:claimed', 'XX.9:not_needed'] }, after: { status: 'decided' } },
      () => undefined,
      labelOf,
    );
    expect(changes).toContainEqual({
      field: 'Claims',
      before: { kind: 'text', text: 'ST1414.K16 How to support pupils with SEND (claimed); XX.9:not_needed' },
      after: null,
    });
  });
});
