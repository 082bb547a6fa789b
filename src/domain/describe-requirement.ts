import type { Catalogue } from '../framework/catalogue.ts';
import type { AdultLevel, QualificationLevel, Requirement, Strength } from '../framework/schema.ts';

/** One line of a requirement in plain English, with the lines it is made of. */
export type RequirementLine = {
  text: string;
  strength: Strength;
  /** The concrete next step when the line is not met, where the data gives one. */
  action?: string;
  /** Met this way only subject to a further decision ("the provider's confirmation"). */
  subjectTo?: string;
  children: RequirementLine[];
};

const adultLevelNames: Record<AdultLevel, string> = {
  PE: 'pre-entry level',
  E1: 'Entry Level 1',
  E2: 'Entry Level 2',
  E3: 'Entry Level 3',
  L1: 'Level 1',
  L2: 'Level 2',
};

const subjectNames: Record<string, string> = { english: 'English', maths: 'Maths', science: 'Science', ict: 'ICT' };

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "Entry Level 3" for E3, "Level 4" for 4. */
export const describeQualificationLevel = (level: QualificationLevel): string =>
  typeof level === 'number' ? `Level ${level}` : `Entry Level ${level.slice(1)}`;

const listOf = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;

/** "HLTA.1 to HLTA.33" for a long run of codes, the codes themselves for a short list. */
const describeCodes = (codes: string[]) =>
  codes.length > 6 ? `all ${codes.length} of ${codes[0]} to ${codes[codes.length - 1]}` : codes.join(', ');

const describeLeaf = (node: Requirement, catalogue: Catalogue): string => {
  switch (node.type) {
    case 'allOf':
      return 'All of the following';
    case 'anyOf':
      return 'One of the following';
    case 'atLeast':
      return `At least ${node.count} of the following`;
    case 'qualification': {
      const qualification = catalogue.qualification(node.id);
      return `Hold the ${qualification?.title ?? node.id}`;
    }
    case 'qualificationAtLevel':
      return `A qualification at ${describeQualificationLevel(node.level)}${node.subject ? ` in ${node.subject}` : ''}`;
    case 'subjectLevel':
      return `${subjectNames[node.subject] ?? node.subject} at ${adultLevelNames[node.atLeast]} or above`;
    case 'subjectGrade': {
      const schemes = node.schemes.map((id) => catalogue.gradeScheme(id)?.title ?? id);
      return `${subjectNames[node.subject] ?? node.subject} at grade ${node.atLeast} or above in ${listOf(schemes)} (other qualifications at the same level do not count)`;
    }
    case 'itemsMet': {
      if (node.codes) return `Meet ${describeCodes(node.codes)}`;
      const set = node.set;
      const framework = set ? (catalogue.framework(set.framework)?.title ?? set.framework) : 'the framework';
      const kinds = set?.kinds ? `${set.kinds.join(', ')} ` : '';
      return `Meet every ${kinds}statement of ${framework}${set?.option ? ` for the ${set.option} option` : ''}`;
    }
    case 'itemsWorkingTowards': {
      const scope = node.codes
        ? describeCodes(node.codes)
        : `the ${node.set?.kinds ? `${node.set.kinds.join(', ')} ` : ''}statements of ${node.set ? (catalogue.framework(node.set.framework)?.title ?? node.set.framework) : 'the framework'}`;
      const share =
        node.begun.numerator === node.begun.denominator ? 'all' : `at least ${node.begun.numerator} in ${node.begun.denominator}`;
      return `Working towards ${scope}: evidence begun on ${share} of them`;
    }
    case 'specialism': {
      const names = node.anyOf.map((code) => catalogue.item(code)?.text ?? code);
      return `A specialism in at least one of: ${names.join('; ')}`;
    }
    case 'credits':
      return `At least ${node.atLeast} credits at Level ${node.level}`;
    case 'degree': {
      const kinds = listOf([node.kind, ...(node.orKinds ?? [])].map((k) => (/degree/.test(k) ? k : `${k} degree`).replace(/-/g, ' ')));
      return `${/^(?:[aeiou]|hon)/i.test(kinds) ? 'An' : 'A'} ${kinds}`;
    }
    case 'role':
      return `Experience as ${catalogue.role(node.id)?.title ?? node.id}`;
    case 'status':
      return `Hold ${catalogue.status(node.id)?.title ?? node.id}`;
    case 'ageAtStart':
      return `Aged ${node.atLeast !== undefined ? `${node.atLeast} or over` : ''}${node.atLeast !== undefined && node.below !== undefined ? ' and ' : ''}${node.below !== undefined ? `under ${node.below}` : ''} at the start of the apprenticeship`;
    case 'flag':
      return node.flag === 'bsl'
        ? 'British Sign Language is your primary language and you hold a BSL qualification'
        : node.flag === 'apprenticeshipEmployer'
          ? 'An employer takes you on as an apprentice in the role'
          : 'You have an education, health and care plan or a legacy statement';
    case 'not':
      return 'Only for people who do not hold the following';
    case 'when':
      return node.phaseOf === 'teacherTraining'
        ? `Only to train to teach in the ${listOf(node.phases)} phase`
        : `In ${listOf(node.phases)} schools only`;
  }
};

/**
 * Turns a requirement expression into nested plain-English lines, each marked required or indicative.
 * A node's own `label` wins over the generated wording; strength is inherited from the enclosing node.
 */
export const describeRequirement = (requirement: Requirement, catalogue: Catalogue, inherited: Strength = 'required'): RequirementLine => {
  const strength = requirement.strength ?? inherited;
  const children =
    requirement.type === 'allOf' || requirement.type === 'anyOf' || requirement.type === 'atLeast'
      ? requirement.of.map((child) => describeRequirement(child, catalogue, strength))
      : requirement.type === 'when'
        ? [describeRequirement(requirement.require, catalogue, strength)]
        : requirement.type === 'not'
          ? [describeRequirement(requirement.requirement, catalogue, strength)]
          : [];
  const text = capitalise(requirement.label ?? describeLeaf(requirement, catalogue));
  return {
    text,
    strength,
    ...(requirement.action ? { action: requirement.action } : {}),
    ...(requirement.subjectTo ? { subjectTo: requirement.subjectTo } : {}),
    children,
  };
};
