import type { EvidenceState } from './workflow.ts';

/**
 * The claims an author can no longer untick: those the manager accepted, since a judgement already
 * rests on each of them (`editableParts` keeps them out of `removableClaims` for the same reason).
 */
export const lockedClaims = (item: Pick<EvidenceState, 'claims'>): string[] =>
  item.claims.filter((c) => c.status === 'accepted').map((c) => c.itemCode);

/** The claims an edit asks for: the locked ones always (a browser does not post a disabled box), then those ticked, each once. */
export const claimsKeepingLocked = (locked: readonly string[], ticked: readonly string[]): string[] => [...new Set([...locked, ...ticked])];

/** Only submitted evidence waits for a decision: drafts are not sent yet, decided evidence has had its decision. */
export const awaitsDecision = (item: Pick<EvidenceState, 'status'>): boolean => item.status === 'submitted';
