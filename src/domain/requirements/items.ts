import type { PersonState } from '../../contracts/person-state.ts';
import type { Catalogue } from '../../framework/catalogue.ts';
import { itemLabel } from '../../framework/item-label.ts';
import type { CompetencyItem, Requirement } from '../../framework/schema.ts';
import type { LeafOutcome } from './leaves.ts';
import type { EvaluationContext, PendingChoice } from './types.ts';

type ItemsMet = Extract<Requirement, { type: 'itemsMet' }>;
type ItemsWorkingTowards = Extract<Requirement, { type: 'itemsWorkingTowards' }>;
type ItemsRule = ItemsMet | ItemsWorkingTowards;

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

/** The codes an `itemsMet` (or `itemsWorkingTowards`) requirement asks for, in the given context. */
export const codesOf = (req: ItemsRule, catalogue: Catalogue, context: EvaluationContext): string[] => [
  ...(req.codes ?? []),
  ...(req.set ? itemsOfSet(req.set, req.set.option ?? context.option, catalogue).map((i) => i.code) : []),
];

/** Items as people read them, "CODE — statement" (framework/item-label.ts), at most MAX_LISTED of them. */
const listed = (codes: readonly string[], catalogue: Catalogue) => {
  const labels = codes.slice(0, MAX_LISTED).map((code) => itemLabel(catalogue, code).text);
  return codes.length <= MAX_LISTED ? labels.join('; ') : `${labels.join('; ')} and ${codes.length - MAX_LISTED} more`;
};

/**
 * The option a set needs chosen and has not got: when the set's framework scopes items to options
 * (ST1414: SEND, SEW, SCP) and neither the data nor the context names one, the core items alone
 * cannot answer the rule.
 */
export const pendingOptionOf = (req: ItemsRule, catalogue: Catalogue, context: EvaluationContext): PendingChoice | undefined => {
  if (!req.set || req.set.option || context.option) return undefined;
  const { framework, kinds } = req.set;
  const options = [
    ...new Set(
      catalogue
        .items({ framework })
        .filter((item) => (kinds ? kinds.includes(item.kind) : item.kind !== 'group'))
        .flatMap((item) => item.options ?? []),
    ),
  ];
  if (options.length === 0) return undefined;
  // Each option by its title, as the option picker lists it, never a bare code such as "SEW".
  const titles = new Map(
    catalogue
      .roles()
      .filter((r) => r.framework.id === framework)
      .flatMap(({ role }) => (role.options ?? []).map((o) => [o.id, o.title] as const)),
  );
  const named = options.map((o) => titles.get(o) ?? o);
  const words = named.length === 1 ? (named[0] ?? '') : `${named.slice(0, -1).join(', ')} or ${named.at(-1)}`;
  return { name: 'option', options, text: `choose an option: ${words}` };
};

type Progress = { codes: string[]; met: string[]; developing: string[]; missing: string[]; recognised: string[] };

const progressOf = (req: ItemsRule, state: PersonState, catalogue: Catalogue, context: EvaluationContext): Progress => {
  const codes = codesOf(req, catalogue, context);
  const recognisedCodes = new Set(context.recognised ?? []);
  const met: string[] = [];
  const developing: string[] = [];
  const missing: string[] = [];
  const recognised: string[] = [];
  for (const code of codes) {
    const judgement = state.judgements[code];
    if (judgement === 'met') met.push(code);
    else if (recognisedCodes.has(code)) recognised.push(code);
    else {
      missing.push(code);
      if (judgement === 'developing') developing.push(code);
    }
  }
  return { codes, met, developing, missing, recognised };
};

const scopeOf = (req: ItemsRule, catalogue: Catalogue, context: EvaluationContext): string => {
  const option = req.set?.option ?? context.option;
  const framework = req.set ? catalogue.framework(req.set.framework) : undefined;
  return req.set
    ? `${framework?.title ?? req.set.framework}${req.set.kinds ? ` ${req.set.kinds.join('/')}` : ''} items${option ? ` (core and option ${option})` : ''}`
    : listed(req.codes ?? [], catalogue);
};

/**
 * Evaluates "these items judged met": met when all are, partial when some are met or developing.
 * A set whose option is not chosen is evaluated on its core items and carries the pending choice,
 * so the gap asks for the option rather than silently counting the core alone.
 */
export const evaluateItems = (req: ItemsMet, state: PersonState, catalogue: Catalogue, context: EvaluationContext): LeafOutcome => {
  const { codes, met, developing, missing, recognised } = progressOf(req, state, catalogue, context);
  const choice = pendingOptionOf(req, catalogue, context);
  const scope = req.set ? `all ${scopeOf(req, catalogue, context)}` : scopeOf(req, catalogue, context);
  const started = met.length + developing.length + recognised.length > 0;
  const status = missing.length === 0 ? 'met' : started ? 'partial' : 'not-met';
  const action = choice
    ? `${choice.text} — until then only the core items are counted`
    : missing.length > 0
      ? `have ${listed(missing, catalogue)} judged met`
      : undefined;
  return {
    status,
    evidence: [
      ...(met.length > 0 ? [`${met.length}/${codes.length} judged met${choice ? ' (core items only: no option chosen)' : ''}`] : []),
      ...(recognised.length > 0
        ? [`${recognised.length}/${codes.length} recognised prior learning: ${listed(recognised, catalogue)}`]
        : []),
    ],
    label: `${scope} judged met`,
    ...(action ? { action } : {}),
    ...(choice ? { choice } : {}),
    items: {
      ...(req.set ? { framework: req.set.framework } : {}),
      total: codes.length,
      met,
      developing,
      missing,
      ...(recognised.length > 0 ? { recognised } : {}),
    },
  };
};

/**
 * Evaluates "working towards these items": met when evidence is begun (judged developing or met)
 * on at least the data's share of them; partial when begun on some.
 */
export const evaluateWorkingTowards = (
  req: ItemsWorkingTowards,
  state: PersonState,
  catalogue: Catalogue,
  context: EvaluationContext,
): LeafOutcome => {
  const { codes, met, developing, missing, recognised } = progressOf(req, state, catalogue, context);
  const choice = pendingOptionOf(req, catalogue, context);
  const needed = Math.max(1, Math.ceil((codes.length * req.begun.numerator) / req.begun.denominator));
  // Items recognised as prior learning count as begun (and as met), as they do for itemsMet.
  const begun = met.length + developing.length + recognised.length;
  const notBegun = missing.filter((code) => !developing.includes(code));
  const status = begun >= needed ? 'met' : begun > 0 ? 'partial' : 'not-met';
  const evidence =
    begun > 0
      ? [
          `evidence begun on ${begun}/${codes.length} (${met.length} judged met, ${developing.length} developing${recognised.length > 0 ? `, ${recognised.length} recognised prior learning` : ''})${begun < needed ? `; working towards asks for ${needed}` : ''}`,
        ]
      : [];
  const action = choice
    ? choice.text
    : begun < needed
      ? `begin evidence on ${needed - begun} more of them (e.g. ${listed(notBegun.slice(0, 3), catalogue)}) and review it with your line manager`
      : undefined;
  return {
    status,
    evidence,
    label: `working towards the ${scopeOf(req, catalogue, context)}: evidence begun on at least ${needed} of ${codes.length}`,
    ...(action ? { action } : {}),
    ...(choice ? { choice } : {}),
    items: {
      ...(req.set ? { framework: req.set.framework } : {}),
      total: codes.length,
      met,
      developing,
      missing,
      ...(recognised.length > 0 ? { recognised } : {}),
    },
  };
};
