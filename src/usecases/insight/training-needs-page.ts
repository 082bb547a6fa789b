import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { can } from '../../domain/policy/can.ts';
import { rulesOf } from '../../domain/targets.ts';
import type { Catalogue } from '../../framework/catalogue.ts';
import { directory } from '../../store/directory.ts';
import { trainingNeedsStore } from '../../store/insight/training-needs.ts';
import {
  analyseScope,
  resolveScope,
  type TrainingNeedsAnalysis,
  type TrainingNeedsDeps,
  type TrainingNeedsQuery,
} from './training-needs.ts';

export type ScopeChoice = { id: string; name: string; kind: 'trust' | 'school' | 'partnership' };
export type TargetChoice = { id: string; title: string };

/** The page's view model: the analysis, and the scopes and targets its pickers offer. */
export type TrainingNeedsPage = TrainingNeedsAnalysis & { choices: { scopes: ScopeChoice[]; targets: TargetChoice[] } };

/** The targets an analysis can be run against: each person's next level, then every role and status the framework gives rules for. */
export const targetChoices = (catalogue: Catalogue): TargetChoice[] => [
  { id: 'next', title: 'Each person’s next level' },
  ...catalogue
    .roles()
    .filter(({ role }) => rulesOf(role.id, catalogue).length > 0)
    .map(({ role }) => ({ id: role.id, title: role.title })),
  ...catalogue.frameworks
    .flatMap((f) => f.statuses ?? [])
    .filter((s) => rulesOf(s.id, catalogue).length > 0)
    .map((s) => ({ id: s.id, title: s.title })),
];

/** The scopes the actor may analyse: their trust and its schools, or their school, and the partnerships those schools are in. */
const scopeChoices = async (deps: TrainingNeedsDeps, actor: Actor | Anonymous): Promise<ScopeChoice[]> => {
  if (actor.kind === 'anonymous') return [];
  const readable = (trustId: string, organisationId: string) =>
    can(actor, 'organisation.readInsight', { type: 'organisation', trustId, organisationId }).allowed;
  const choices: ScopeChoice[] = [];
  for (const trustId of [...new Set(actor.assignments.map((a) => a.trustId))]) {
    const trust = await directory(deps.db).findOrganisation(trustId);
    if (trust && readable(trustId, trustId)) choices.push({ id: trust.id, name: trust.name, kind: 'trust' });
    const schools = (await directory(deps.db).listSchools(trustId)).filter((s) => readable(trustId, s.id));
    choices.push(...schools.map((s) => ({ id: s.id, name: s.name, kind: 'school' as const })));
    const partnerships = await trainingNeedsStore(deps.db).partnershipsOf(schools.map((s) => s.id));
    choices.push(...partnerships.map((p) => ({ ...p, kind: 'partnership' as const })));
  }
  return choices;
};

/** GET /insight/training-needs: the analysis of the chosen (or the actor's own) scope, with the pickers' choices. */
export const trainingNeedsPage = async (
  deps: TrainingNeedsDeps,
  actor: Actor | Anonymous,
  query: TrainingNeedsQuery,
): Promise<TrainingNeedsPage> => {
  const scope = await resolveScope(deps, actor, query);
  const analysis = await analyseScope(deps, actor, scope, query);
  return { ...analysis, choices: { scopes: await scopeChoices(deps, actor), targets: targetChoices(deps.catalogue) } };
};
