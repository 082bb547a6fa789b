import type { PersonState } from '../../contracts/person-state.ts';
import type { Catalogue } from '../../framework/catalogue.ts';
import type { CompetencyItem, Requirement } from '../../framework/schema.ts';
import type { LeafOutcome } from './leaves.ts';
import type { EvaluationContext } from './types.ts';

type ItemsMet = Extract<Requirement, { type: 'itemsMet' }>;

const MAX_LISTED = 5;

const setCache = new WeakMap<Catalogue, Map<string, CompetencyItem[]>>();

/** The items a set names: its framework and kinds, core plus the chosen option (groups excluded). */
export const itemsOfSet = (set: NonNullable<ItemsMet['set']>, option: string | undefined, catalogue: Catalogue): CompetencyItem[] => {
  const key = `${set.framework}|${(set.kinds ?? []).join(',')}|${option ?? ''}`;
  const cache = setCache.get(catalogue) ?? new Map<string, CompetencyItem[]>();
  setCache.set(catalogue, cache);
  const cached = cache.get(key);
  if (cached) return cached;
  const items = catalogue
    .items({ framework: set.framework })
    .filter((item) => (set.kinds ? set.kinds.includes(item.kind) : item.kind !== 'group'))
    .filter((item) => !item.options || (option !== undefined && item.options.includes(option)));
  cache.set(key, items);
  return items;
};

/** The codes an `itemsMet` requirement asks for, in the given context. */
export const codesOf = (req: ItemsMet, catalogue: Catalogue, context: EvaluationContext): string[] => [
  ...(req.codes ?? []),
  ...(req.set ? itemsOfSet(req.set, req.set.option ?? context.option, catalogue).map((i) => i.code) : []),
];

const listed = (codes: readonly string[]) =>
  codes.length <= MAX_LISTED ? codes.join(', ') : `${codes.slice(0, MAX_LISTED).join(', ')} and ${codes.length - MAX_LISTED} more`;

/** Evaluates "these items judged met": met when all are, partial when some are met or developing. */
export const evaluateItems = (req: ItemsMet, state: PersonState, catalogue: Catalogue, context: EvaluationContext): LeafOutcome => {
  const codes = codesOf(req, catalogue, context);
  const met: string[] = [];
  const developing: string[] = [];
  const missing: string[] = [];
  for (const code of codes) {
    const judgement = state.judgements[code];
    if (judgement === 'met') met.push(code);
    else {
      missing.push(code);
      if (judgement === 'developing') developing.push(code);
    }
  }
  const option = req.set?.option ?? context.option;
  const framework = req.set ? catalogue.framework(req.set.framework) : undefined;
  const scope = req.set
    ? `all ${framework?.title ?? req.set.framework}${req.set.kinds ? ` ${req.set.kinds.join('/')}` : ''} items${option ? ` (core and option ${option})` : ''}`
    : listed(req.codes ?? []);
  const status = missing.length === 0 ? 'met' : met.length + developing.length > 0 ? 'partial' : 'not-met';
  return {
    status,
    evidence: met.length > 0 ? [`${met.length}/${codes.length} judged met`] : [],
    label: `${scope} judged met`,
    ...(missing.length > 0 ? { action: `have ${listed(missing)} judged met` } : {}),
    items: { ...(req.set ? { framework: req.set.framework } : {}), total: codes.length, met, developing, missing },
  };
};
