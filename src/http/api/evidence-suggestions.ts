import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApiError } from '../../contracts/api/errors.ts';
import {
  SuggestionRequest as EvidenceSuggestionsBody,
  SuggestionResponse as EvidenceSuggestionsResult,
  SUGGESTION_LIMIT,
} from '../../contracts/portfolio/suggestions.ts';
import { suggestItems } from '../../domain/evidence/suggestions.ts';
import type { AppContext } from '../../usecases/context.ts';
import { requireApiUser } from '../auth/guards.ts';

/** As-you-type suggestions for the evidence editor: the items a draft's text best supports. */
export const registerEvidenceSuggestionRoutes = (app: FastifyInstance, context: AppContext) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/evidence/suggestions',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'Competency items the text of a piece of evidence best supports, most relevant first',
        body: EvidenceSuggestionsBody,
        response: { 200: EvidenceSuggestionsResult, 400: ApiError, 401: ApiError },
      },
      // The catalogue is public, but the endpoint serves portfolio authors only: an anonymous caller is
      // told to sign in (401) before the body is looked at.
      preValidation: async (request) => {
        requireApiUser(request);
      },
    },
    async (request) => {
      const { text, frameworks } = request.body;
      return { suggestions: suggestItems(context.catalogue.current(), text, { limit: SUGGESTION_LIMIT, frameworks }) };
    },
  );
};
