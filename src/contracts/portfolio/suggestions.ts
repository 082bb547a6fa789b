import { z } from 'zod';
import { EVIDENCE_BODY_MAX } from './evidence.ts';

/** The suggestion endpoint reads as much text as an evidence item may hold, and no more. */
export const SUGGESTION_TEXT_MAX = EVIDENCE_BODY_MAX;
/** How many suggestions one request returns at most. */
export const SUGGESTION_LIMIT = 8;

/** What the editor's script sends as the author types. */
export const SuggestionRequest = z.strictObject({
  text: z.string().max(SUGGESTION_TEXT_MAX, `Text must be ${SUGGESTION_TEXT_MAX} characters or fewer`),
  frameworks: z.array(z.string().trim().min(1).max(100)).max(20).optional(),
});
export type SuggestionRequest = z.infer<typeof SuggestionRequest>;

export const ItemSuggestionBody = z.object({
  code: z.string(),
  framework: z.string(),
  frameworkTitle: z.string(),
  text: z.string(),
  score: z.number(),
});

export const SuggestionResponse = z.object({ suggestions: z.array(ItemSuggestionBody) });
