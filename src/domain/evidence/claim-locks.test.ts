import { describe, expect, it } from 'vitest';
import { awaitsDecision, claimsKeepingLocked, lockedClaims } from './claim-locks.ts';
import type { Claim } from './workflow.ts';

const claim = (itemCode: string, status: Claim['status']): Claim => ({ itemCode, status, feedback: null });

describe('lockedClaims', () => {
  it('locks the accepted claims only, so returned and new claims stay changeable', () => {
    expect(lockedClaims({ claims: [claim('HLTA.1', 'accepted'), claim('HLTA.2', 'returned'), claim('HLTA.3', 'claimed')] })).toEqual([
      'HLTA.1',
    ]);
  });

  it('locks nothing on evidence with no accepted claim', () => {
    expect(lockedClaims({ claims: [claim('HLTA.2', 'returned')] })).toEqual([]);
  });
});

describe('claimsKeepingLocked', () => {
  it('keeps a locked claim the form did not post (its box is disabled), without repeating one it did', () => {
    expect(claimsKeepingLocked(['HLTA.1'], ['HLTA.3', 'HLTA.1'])).toEqual(['HLTA.1', 'HLTA.3']);
    expect(claimsKeepingLocked(['HLTA.1'], [])).toEqual(['HLTA.1']);
  });
});

describe('awaitsDecision', () => {
  it.each([
    ['draft', false],
    ['submitted', true],
    ['decided', false],
  ] as const)('%s evidence waits for a decision: %s', (status, waits) => {
    expect(awaitsDecision({ status })).toBe(waits);
  });
});
