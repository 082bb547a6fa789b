import { describe, expect, it } from 'vitest';
import { resolveKind } from './kinds.ts';

const kinds = [
  { code: 'PT.secondee', title: 'The secondee' },
  { code: 'PT.governor', title: 'The governor (or Director)' },
  { code: 'PT.curriculum-developer', title: 'The curriculum developer' },
];

describe('kinds by id or name', () => {
  it.each(['PT.secondee', 'secondee', 'The secondee', ' Secondee '])('reads %s as the secondee', (text) => {
    expect(resolveKind(kinds, text)?.code).toBe('PT.secondee');
  });
  it('reads names with spaces or hyphens and the governor by its first word', () => {
    expect(resolveKind(kinds, 'Curriculum developer')?.code).toBe('PT.curriculum-developer');
    expect(resolveKind(kinds, 'curriculum-developer')?.code).toBe('PT.curriculum-developer');
    expect(resolveKind(kinds, 'governor')?.code).toBe('PT.governor');
  });
  it('reads nothing else', () => {
    expect(resolveKind(kinds, 'headteacher')).toBeNull();
    expect(resolveKind(kinds, '')).toBeNull();
  });
});
