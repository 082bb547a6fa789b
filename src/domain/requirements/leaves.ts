import type { PersonState } from '../../contracts/person-state.ts';
import type { Catalogue } from '../../framework/catalogue.ts';
import type { Flag, Requirement } from '../../framework/schema.ts';
import {
  ageAtApprenticeshipStart,
  heldQualifications,
  holdsQualification,
  holdsStatus,
  qualificationLevelName,
  qualificationLevelRank,
} from '../achievements.ts';
import { creditsAtLevel } from '../credits.ts';
import { progressionGraph } from '../progression-graph.ts';
import { adultLevelName, bestAdultLevel, exampleGradeForLevel, gradesAtLevel, gradesReaching } from '../subject-levels.ts';
import { evaluateItems, evaluateWorkingTowards } from './items.ts';
import type { EvaluationContext, ItemProgress, PendingChoice, RequirementStatus } from './types.ts';
import { gradeInWords, subjectInWords } from './words.ts';

/** A leaf's outcome before the label and action from the data are applied. */
export type LeafOutcome = {
  status: RequirementStatus;
  evidence: string[];
  label: string;
  action?: string;
  choice?: PendingChoice;
  items?: ItemProgress;
};

export type Leaf = Exclude<Requirement, { type: 'allOf' | 'anyOf' | 'atLeast' | 'when' | 'not' }>;

const held = (yes: boolean, evidence: string[], label: string, action: string): LeafOutcome =>
  yes ? { status: 'met', evidence, label } : { status: 'not-met', evidence, label, action };

const flagWording = {
  bsl: {
    label: 'British Sign Language qualification (primary language BSL)',
    action: 'only if BSL is your primary language: record your BSL qualification',
  },
  ehcpOrStatement: {
    label: 'an education, health and care plan or a legacy statement',
    action: 'only if it applies to you: record the EHC plan or legacy statement',
  },
  apprenticeshipEmployer: {
    label: 'an employer who takes you on as an apprentice in the role (an apprenticeship is a job)',
    action: 'agree the apprenticeship with your employer (or find one who will employ you as an apprentice in the role)',
  },
  gatewayMinimumDuration: {
    label: 'the minimum time on programme',
    action: 'continue on programme until the minimum duration has passed',
  },
  gatewayOffTheJobMinimum: {
    label: 'the off-the-job training minimum',
    action: 'log the off-the-job training still needed and ask the provider to approve it',
  },
  gatewayEmployerConfirmed: {
    label: 'the employer’s confirmation',
    action: 'the employer confirms the apprentice is ready for Gateway to Completion',
  },
  gatewayProviderConfirmed: {
    label: 'the training provider’s confirmation',
    action: 'the training provider confirms the apprentice is ready for Gateway to Completion',
  },
} satisfies Record<Flag, { label: string; action: string }>;

/** A degree kind in words: "an honours degree", "a foundation degree". */
const degreeInWords = (kind: string): string => {
  const words = kind.replace(/-/g, ' ');
  return `${/^(?:[aeiou]|hon)/i.test(words) ? 'an' : 'a'} ${words}`;
};

/** A held grade in words, by its scheme's title: "GCSE (9 to 1 grading, England) English grade 5". */
const heldInWords = (g: { subject: string; scheme: string; grade: string }, catalogue: Catalogue): string =>
  gradeInWords(catalogue.gradeScheme(g.scheme)?.title ?? g.scheme, g.subject, g.grade);

const titleOf = (catalogue: Catalogue, code: string): string =>
  catalogue.qualification(code)?.title ?? catalogue.role(code)?.title ?? catalogue.status(code)?.title ?? code;

/** Evaluates one leaf requirement against a person. */
export const evaluateLeaf = (req: Leaf, state: PersonState, catalogue: Catalogue, context: EvaluationContext): LeafOutcome => {
  switch (req.type) {
    case 'qualification': {
      const title = titleOf(catalogue, req.id);
      const yes = holdsQualification(state, req.id, catalogue);
      return held(yes, yes ? [`holds ${title}`] : [], `${title} held`, `achieve ${title}`);
    }
    case 'qualificationAtLevel': {
      const rank = qualificationLevelRank(req.level);
      const subjectOk = (subject: string | undefined) => !req.subject || subject === req.subject;
      const quals = heldQualifications(state, catalogue)
        .filter((q) => qualificationLevelRank(q.level) >= rank && subjectOk(q.subject))
        .map((q) => `holds ${q.title}`);
      const degrees = state.achievements.flatMap((a) =>
        'degree' in a && a.level >= rank && subjectOk(a.subject) ? [`holds ${degreeInWords(a.degree)} at Level ${a.level}`] : [],
      );
      const evidence = [...quals, ...degrees];
      const what = `a ${qualificationLevelName(req.level)} qualification${req.subject ? ` in ${req.subject}` : ''}`;
      return held(evidence.length > 0, evidence, `${what} held`, `achieve ${what}`);
    }
    case 'subjectLevel': {
      const reaching = gradesAtLevel(state, req.subject, req.atLeast, catalogue);
      const best = bestAdultLevel(state, req.subject, catalogue);
      const example = exampleGradeForLevel(req.subject, req.atLeast, context.nation ?? 'England', catalogue);
      const level = adultLevelName(req.atLeast);
      const evidence =
        reaching.length > 0
          ? reaching.map((g) => heldInWords(g, catalogue))
          : best
            ? [`${subjectInWords(req.subject)} at ${adultLevelName(best)}`]
            : [];
      const action = `achieve ${level} ${req.subject}${example ? ` — e.g. ${example.scheme.title} ${example.grade}` : ''}`;
      return held(reaching.length > 0, evidence, `${req.subject} at ${level} or above`, action);
    }
    case 'subjectGrade': {
      const reaching = gradesReaching(state, req.subject, req.atLeast, req.schemes, catalogue);
      const schemes = req.schemes.map((id) => catalogue.gradeScheme(id)?.title ?? id).join(' or ');
      const evidence = reaching.map((g) => heldInWords(g, catalogue));
      return held(
        reaching.length > 0,
        evidence,
        `${schemes} ${req.subject} grade ${req.atLeast} or above`,
        `achieve ${req.subject} grade ${req.atLeast} or above in ${schemes}`,
      );
    }
    case 'itemsMet':
      return evaluateItems(req, state, catalogue, context);
    case 'itemsWorkingTowards':
      return evaluateWorkingTowards(req, state, catalogue, context);
    case 'specialism': {
      const chosen = state.specialisms.filter((s) => req.anyOf.includes(s));
      return held(
        chosen.length > 0,
        chosen.map((s) => `specialism ${s}`),
        `at least one specialism of ${req.anyOf.join(', ')}`,
        `take on one of the specialisms ${req.anyOf.join(', ')}`,
      );
    }
    case 'credits': {
      const have = creditsAtLevel(state, req.level, catalogue);
      const label = `at least ${req.atLeast} credits at Level ${req.level} or above`;
      if (have >= req.atLeast) return { status: 'met', evidence: [`${have} credits at Level ${req.level} or above`], label };
      const action = `gain ${req.atLeast - have} more credits at Level ${req.level}`;
      return {
        status: have > 0 ? 'partial' : 'not-met',
        evidence: have > 0 ? [`${have} credits at Level ${req.level} or above`] : [],
        label,
        action,
      };
    }
    case 'degree': {
      const kinds = [req.kind, ...(req.orKinds ?? [])];
      const evidence = [
        ...state.achievements.flatMap((a) => ('degree' in a && kinds.includes(a.degree) ? [`holds ${degreeInWords(a.degree)}`] : [])),
        ...heldQualifications(state, catalogue)
          .filter((q) => kinds.includes(q.kind))
          .map((q) => `holds ${q.title}`),
      ];
      return held(evidence.length > 0, evidence, kinds.map(degreeInWords).join(' or '), `complete ${degreeInWords(req.kind)}`);
    }
    case 'role': {
      const current = state.role;
      const title = titleOf(catalogue, req.id);
      const yes = current !== undefined && (current === req.id || progressionGraph(catalogue).leadsTo(req.id, current));
      return held(
        yes,
        yes && current ? [`holds ${titleOf(catalogue, current)}`] : [],
        `holds ${title} (or a later role)`,
        `take up a ${title} post`,
      );
    }
    case 'status': {
      const title = titleOf(catalogue, req.id);
      const yes = holdsStatus(state, req.id, catalogue, req.accepts);
      return held(yes, yes ? [`awarded ${title}`] : [], `${title} awarded`, `be awarded ${title}`);
    }
    case 'ageAtStart': {
      const age = ageAtApprenticeshipStart(state);
      const bounds = [req.atLeast !== undefined ? `${req.atLeast} or over` : '', req.below !== undefined ? `under ${req.below}` : '']
        .filter(Boolean)
        .join(' and ');
      const label = `aged ${bounds} at the start of the apprenticeship`;
      if (age === undefined)
        return {
          status: 'not-met',
          evidence: ['age at the start of the apprenticeship not recorded'],
          label,
          action: 'record your date of birth and the apprenticeship start date (or your age at the start)',
        };
      const yes = (req.atLeast === undefined || age >= req.atLeast) && (req.below === undefined || age < req.below);
      return held(yes, [`aged ${age} at the start of the apprenticeship`], label, `only applies if you were ${bounds} at the start`);
    }
    case 'flag': {
      const yes = state.flags[req.flag] === true;
      const { label, action } = flagWording[req.flag];
      return held(yes, yes ? [label] : [], label, action);
    }
  }
};
