import type { ClaimDecision, EvidenceInput } from '../../contracts/portfolio/evidence.ts';

export type EvidenceStatus = 'draft' | 'submitted' | 'decided';
export type ClaimStatus = 'claimed' | 'accepted' | 'returned';

export type Claim = { itemCode: string; status: ClaimStatus; feedback: string | null };

/** What the workflow needs to know of a piece of evidence. */
export type EvidenceState = {
  id: string;
  personId: string;
  status: EvidenceStatus;
  title: string;
  claims: readonly Claim[];
};

export type WorkflowError = { where: string; reason: string };
export type Outcome<T> = { ok: true; value: T } | { ok: false; errors: WorkflowError[] };

const refused = <T>(where: string, reason: string): Outcome<T> => ({ ok: false, errors: [{ where, reason }] });

/** Which parts of the evidence its author may still change. */
export type EditableParts = {
  any: boolean;
  content: boolean;
  attachments: boolean;
  /** Claims that may be removed (unclaimed); accepted claims are locked. */
  removableClaims: string[];
  addClaims: boolean;
};

const nothingEditable: EditableParts = { any: false, content: false, attachments: false, removableClaims: [], addClaims: false };

/**
 * A draft is wholly editable; submitted evidence waits for its decision; decided evidence with
 * returned claims can be improved (text, title, attachments, the returned claims, new claims) while
 * accepted claims stay locked, because a judgement already rests on them.
 */
export const editableParts = (item: Pick<EvidenceState, 'status' | 'claims'>): EditableParts => {
  if (item.status === 'draft')
    return { any: true, content: true, attachments: true, removableClaims: item.claims.map((c) => c.itemCode), addClaims: true };
  if (item.status === 'decided' && item.claims.some((c) => c.status === 'returned'))
    return {
      any: true,
      content: true,
      attachments: true,
      removableClaims: item.claims.filter((c) => c.status === 'returned').map((c) => c.itemCode),
      addClaims: true,
    };
  return nothingEditable;
};

/**
 * The claims after the author edits them: accepted claims are always kept (even if unticked),
 * claims the author may not remove stay, and new codes start as claimed.
 */
export const reviseClaims = (item: Pick<EvidenceState, 'status' | 'claims'>, wanted: readonly string[]): Outcome<Claim[]> => {
  const parts = editableParts(item);
  if (!parts.any) return refused('claims', 'This evidence cannot be changed while it waits for a decision or once every claim is accepted');
  const wantedSet = new Set(wanted);
  const existing = new Map(item.claims.map((c) => [c.itemCode, c]));
  const kept = item.claims.filter((c) => wantedSet.has(c.itemCode) || !parts.removableClaims.includes(c.itemCode));
  const added = wanted.filter((code) => !existing.has(code)).map((itemCode): Claim => ({ itemCode, status: 'claimed', feedback: null }));
  return { ok: true, value: [...kept, ...added] };
};

/** Applies an author's edit to the content; refused when the evidence is not editable. */
export const canEditContent = (item: Pick<EvidenceState, 'status' | 'claims'>): Outcome<true> =>
  editableParts(item).content ? { ok: true, value: true } : refused('evidence', 'This evidence cannot be changed now');

/**
 * Sends the evidence for a decision. Needs a title and at least one claim still to decide; returned
 * claims go back to claimed (their feedback is kept until the new decision), accepted ones stay.
 */
export const submit = (item: EvidenceState): Outcome<{ status: 'submitted'; claims: Claim[] }> => {
  const parts = editableParts(item);
  if (!parts.any) return refused('evidence', 'This evidence has already been submitted');
  if (item.title.trim() === '') return refused('title', 'Enter a title before you submit');
  if (item.claims.length === 0) return refused('claims', 'Claim at least one item before you submit');
  const claims = item.claims.map((c): Claim => (c.status === 'accepted' ? c : { ...c, status: 'claimed' }));
  if (!claims.some((c) => c.status === 'claimed')) return refused('claims', 'Claim at least one new item before you resubmit');
  return { ok: true, value: { status: 'submitted', claims } };
};

/** A judgement the decision asks to record: an accepted claim is the item met, on this evidence. */
export type JudgementToRecord = { itemCode: string; value: 'met'; source: 'evidence'; evidenceId: string };

export type DecisionResult = {
  status: 'decided';
  claims: Claim[];
  decided: { itemCode: string; outcome: 'accepted' | 'returned'; feedback: string | null }[];
  judgements: JudgementToRecord[];
};

/**
 * Decides each claimed item on its own, so one weak claim does not sink the rest. Every claimed item
 * must get exactly one decision; a decider cannot decide on their own evidence.
 */
export const decide = (
  item: EvidenceState,
  decisions: readonly ClaimDecision[],
  decider: { personId: string | null },
): Outcome<DecisionResult> => {
  if (decider.personId !== null && decider.personId === item.personId) return refused('evidence', 'You cannot decide on your own evidence');
  if (item.status !== 'submitted') return refused('evidence', 'This evidence is not waiting for a decision');
  const claimed = new Map(item.claims.filter((c) => c.status === 'claimed').map((c) => [c.itemCode, c]));
  const errors: WorkflowError[] = [];
  const seen = new Set<string>();
  decisions.forEach((d, i) => {
    if (!claimed.has(d.itemCode))
      errors.push({ where: `decisions.${i}.itemCode`, reason: `${d.itemCode} is not a claim waiting for a decision` });
    else if (seen.has(d.itemCode)) errors.push({ where: `decisions.${i}.itemCode`, reason: `${d.itemCode} is decided twice` });
    if (d.outcome === 'returned' && !(d.feedback ?? '').trim())
      errors.push({ where: `decisions.${i}.feedback`, reason: 'Give feedback when you return a claim' });
    seen.add(d.itemCode);
  });
  for (const code of claimed.keys())
    if (!seen.has(code)) errors.push({ where: `decisions.${code}`, reason: `Decide whether to accept or return ${code}` });
  if (errors.length > 0) return { ok: false, errors };
  const byCode = new Map(decisions.map((d) => [d.itemCode, d]));
  const decided: DecisionResult['decided'] = [];
  const claims = item.claims.map((c): Claim => {
    const d = byCode.get(c.itemCode);
    if (!d || c.status !== 'claimed') return c;
    const feedback = d.outcome === 'returned' ? (d.feedback ?? '').trim() : d.feedback?.trim() || null;
    decided.push({ itemCode: c.itemCode, outcome: d.outcome, feedback });
    return { itemCode: c.itemCode, status: d.outcome, feedback };
  });
  const judgements = decided
    .filter((d) => d.outcome === 'accepted')
    .map((d): JudgementToRecord => ({ itemCode: d.itemCode, value: 'met', source: 'evidence', evidenceId: item.id }));
  return { ok: true, value: { status: 'decided', claims, decided, judgements } };
};

/** Item codes of an input that the catalogue does not know. */
export const unknownCodes = (input: Pick<EvidenceInput, 'claims'>, known: (code: string) => boolean): string[] =>
  input.claims.filter((code) => !known(code));
