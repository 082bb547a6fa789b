import { AppError } from '../../contracts/errors.ts';
import { type FileDocument, type HltaPreparation, hltaPreparation } from '../../domain/hlta-preparation.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { can } from '../../domain/policy/can.ts';
import type { Catalogue } from '../../framework/catalogue.ts';
import { audit } from '../../store/audit.ts';
import { type FileEvidence, hltaFile } from '../../store/hlta-file.ts';
import { newIdOf, type PortfolioDeps } from './deps.ts';
import { loadPortfolioSubject, type PortfolioSubject } from './portfolio-subject.ts';

/** The framework whose evidence-file rules the HLTA preparation page applies. */
export const HLTA_FRAMEWORK = 'hlta-standards';

/** A person's HLTA preparation: the check, and per standard the evidence that may be chosen. */
export type HltaPreparationView = {
  person: { id: string; name: string; trustId: string; organisationId: string };
  preparation: HltaPreparation;
  candidates: Map<string, FileEvidence[]>;
  /** Whether the asking user may choose the documents (only the person themselves). */
  canChoose: boolean;
};

const rulesOf = (catalogue: Catalogue) => {
  const rules = catalogue.framework(HLTA_FRAMEWORK)?.evidenceFile;
  if (!rules) throw new AppError('internal', 'The HLTA standards carry no evidence-file rules');
  const standards = catalogue.items({ framework: HLTA_FRAMEWORK, kind: 'standard' }).map((i) => ({ code: i.code, text: i.text }));
  return { rules, standards };
};

const toDocument = (e: FileEvidence): FileDocument => ({
  evidenceId: e.evidenceId,
  title: e.title,
  kind: e.kind,
  occurredOn: e.occurredOn,
});

const viewOf = async (deps: PortfolioDeps, actor: Actor | Anonymous, loaded: PortfolioSubject): Promise<HltaPreparationView> => {
  const { subject } = loaded;
  const { rules, standards } = rulesOf(deps.catalogue);
  const store = hltaFile(deps.db);
  const [entries, candidates] = await Promise.all([
    store.entries(subject.trustId, subject.id),
    store.candidates(
      subject.trustId,
      subject.id,
      standards.map((s) => s.code),
    ),
  ]);
  const chosen = new Map([...entries].map(([code, list]) => [code, list.map(toDocument)]));
  const preparation = hltaPreparation({
    rules,
    state: loaded.state,
    catalogue: deps.catalogue,
    context: loaded.context,
    standards,
    chosen,
  });
  return {
    person: { id: subject.id, name: subject.name, trustId: subject.trustId, organisationId: subject.organisationId },
    preparation,
    candidates,
    canChoose: can(actor, 'person.editPortfolio', {
      type: 'person',
      trustId: subject.trustId,
      organisationId: subject.organisationId,
      personId: subject.id,
    }).allowed,
  };
};

/** The HLTA preparation check of a person (anyone who may read their portfolio). */
export const hltaPreparationOf = async (deps: PortfolioDeps, actor: Actor | Anonymous, personId: string): Promise<HltaPreparationView> =>
  viewOf(deps, actor, await loadPortfolioSubject(deps, actor, personId, 'person.readPortfolio'));

/**
 * The person chooses the documents under one standard, in order: only their own evidence that claims
 * the standard and whose claim was not returned, at most the rules' maximum. Audited as hltaFile.updated.
 */
export const chooseHltaDocuments = async (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  input: { standardCode: string; evidenceIds: readonly string[] },
): Promise<void> => {
  const loaded = await loadPortfolioSubject(deps, actor, personId, 'person.editPortfolio');
  const { subject } = loaded;
  const { rules, standards } = rulesOf(deps.catalogue);
  if (!standards.some((s) => s.code === input.standardCode))
    throw new AppError('validation', 'Choose a standard', [
      { where: 'standardCode', reason: `${input.standardCode} is not an HLTA standard` },
    ]);
  const evidenceIds = [...new Set(input.evidenceIds)];
  const max = rules.documentsPerStandard.max;
  if (evidenceIds.length > max)
    throw new AppError('validation', `Choose at most ${max} documents for a standard`, [
      { where: 'evidenceIds', reason: `at most ${max} documents per standard` },
    ]);
  const store = hltaFile(deps.db);
  const candidates = (await store.candidates(subject.trustId, subject.id, [input.standardCode])).get(input.standardCode) ?? [];
  const unknown = evidenceIds.filter((id) => !candidates.some((c) => c.evidenceId === id));
  if (unknown.length > 0)
    throw new AppError('validation', 'Choose evidence of yours that claims this standard', [
      { where: 'evidenceIds', reason: `not evidence claiming ${input.standardCode}: ${unknown.join(', ')}` },
    ]);
  const userId = actor.kind === 'user' ? actor.userId : 'anonymous';
  await deps.db.transaction().execute(async (trx) => {
    const before = (await hltaFile(trx).entries(subject.trustId, subject.id)).get(input.standardCode)?.map((e) => e.evidenceId) ?? [];
    await hltaFile(trx).replace({ trustId: subject.trustId, personId: subject.id, standardCode: input.standardCode, evidenceIds }, () =>
      newIdOf(deps),
    );
    await audit(trx, deps.auditKey).record({
      trustId: subject.trustId,
      actor: userId,
      action: 'hltaFile.updated',
      entity: 'person',
      entityId: subject.id,
      data: { standardCode: input.standardCode, before, after: evidenceIds },
      requestId: deps.requestId ?? null,
    });
  });
};
