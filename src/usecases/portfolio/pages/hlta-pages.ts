import type { Actor, Anonymous } from '../../../domain/policy/actor.ts';
import type { PortfolioDeps } from '../deps.ts';
import { chooseHltaDocuments, HLTA_FRAMEWORK, type HltaPreparationView, hltaPreparationOf } from '../hlta-preparation.ts';
import { type FormOutcome, savedOrPage } from './outcome.ts';

/** The "Prepare for HLTA" page (anyone who may read the portfolio). */
export const hltaPage = (deps: PortfolioDeps, actor: Actor | Anonymous, personId: string): Promise<HltaPreparationView> =>
  hltaPreparationOf(deps, actor, personId);

/**
 * Chooses one standard's documents, answering the standard's number in the file (its place in the
 * framework's order, as the preparation numbers them) so the page can return to it; or the page to
 * show the refusal on.
 */
export const chooseHltaDocumentsOnPage = (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  input: { standardCode: string; evidenceIds: readonly string[] },
): Promise<FormOutcome<{ standardNumber: number | null }, HltaPreparationView>> =>
  savedOrPage(
    async () => {
      await chooseHltaDocuments(deps, actor, personId, input);
      const index = deps.catalogue.items({ framework: HLTA_FRAMEWORK, kind: 'standard' }).findIndex((i) => i.code === input.standardCode);
      return { standardNumber: index >= 0 ? index + 1 : null };
    },
    () => hltaPreparationOf(deps, actor, personId),
  );
