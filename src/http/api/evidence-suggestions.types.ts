/** Request and response contracts of the evidence suggestion API (shared with the editor's script). */
export {
  SuggestionRequest as EvidenceSuggestionsBody,
  SuggestionResponse as EvidenceSuggestionsResult,
} from '../../contracts/portfolio/suggestions.ts';
