import type { ErrorDetail } from '../../../../contracts/errors.ts';
import type { Catalogue } from '../../../../framework/catalogue.ts';
import { itemLabel } from '../../../../framework/item-label.ts';
import { postedOf, postedText } from '../../kit/index.ts';

/**
 * The claim-by-claim decision form, shared by the line manager's (or assessor's) decision page and an
 * Associate Teacher supervisor's: `item-N`, `outcome-N` and `feedback-N` for each claim shown, in order.
 */
export type PostedDecision = { itemCode: string; outcome: string; feedback: string };

export const postedDecisions = (body: unknown): PostedDecision[] => {
  const posted = postedOf(body);
  const decisions: PostedDecision[] = [];
  for (let i = 0; i < 100; i += 1) {
    const itemCode = postedText(posted, `item-${i}`);
    if (!itemCode) break;
    decisions.push({ itemCode, outcome: postedText(posted, `outcome-${i}`), feedback: postedText(posted, `feedback-${i}`) });
  }
  return decisions;
};

/** A claim left without a choice, reported against its own radios rather than as a bad enum value. */
export const undecidedClaims = (catalogue: Catalogue, posted: readonly PostedDecision[]): ErrorDetail[] =>
  posted
    .filter((p) => p.outcome !== 'accepted' && p.outcome !== 'returned')
    .map((p) => ({
      where: `decisions.${p.itemCode}`,
      reason: `Decide whether to accept or return ${itemLabel(catalogue, p.itemCode).text}`,
    }));

/** The decisions the use-case takes: feedback only with a return. */
export const decisionsOf = (posted: readonly PostedDecision[]) =>
  posted.map((p) => ({ itemCode: p.itemCode, outcome: p.outcome, ...(p.outcome === 'returned' ? { feedback: p.feedback } : {}) }));

/** The form's claims (each with its wording, what was posted and its errors) and the error summary. */
export const decisionClaims = (
  catalogue: Catalogue,
  waiting: readonly { itemCode: string }[],
  posted: readonly PostedDecision[],
  details: readonly ErrorDetail[],
) => {
  const errorAt = (where: string) => details.find((e) => e.where === where)?.reason;
  const claims = waiting.map((c, index) => {
    const p = posted.find((x) => x.itemCode === c.itemCode);
    return {
      index,
      itemCode: c.itemCode,
      label: itemLabel(catalogue, c.itemCode).text,
      outcome: p?.outcome ?? '',
      feedback: p?.feedback ?? '',
      outcomeError: errorAt(`decisions.${c.itemCode}`),
      feedbackError: errorAt(`decisions.${posted.findIndex((x) => x.itemCode === c.itemCode)}.feedback`),
    };
  });
  const errors = [
    ...claims.flatMap((c) => [
      ...(c.outcomeError ? [{ href: `#outcome-${c.index}`, text: c.outcomeError }] : []),
      ...(c.feedbackError ? [{ href: `#feedback-${c.index}`, text: `${c.label}: ${c.feedbackError}` }] : []),
    ]),
    ...details.filter((e) => !e.where.startsWith('decisions.')).map((e) => ({ href: '#outcome-0', text: e.reason })),
  ];
  return { claims, errors };
};
