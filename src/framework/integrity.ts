import type { ErrorDetail } from '../contracts/errors.ts';
import type { Catalogue } from './catalogue.ts';
import type { FrameworkSource } from './load.ts';
import type { Framework, Requirement } from './schema.ts';

type Check = (where: string, ok: boolean, reason: string) => void;

/** Every reference inside the framework data (parents, options, edges, requirements) must resolve. */
export const checkIntegrity = (sources: readonly FrameworkSource[], catalogue: Catalogue): ErrorDetail[] => {
  const problems: ErrorDetail[] = [];
  for (const { file, framework } of sources) {
    const check: Check = (where, ok, reason) => {
      if (!ok) problems.push({ where: `${file}: ${where}`, reason });
    };
    checkFramework(framework, catalogue, check);
  }
  return problems;
};

const checkFramework = (framework: Framework, catalogue: Catalogue, check: Check) => {
  const exists = (code: string) => catalogue.entry(code) !== undefined;
  const optionIds = new Set((framework.roles ?? []).flatMap((r) => (r.options ?? []).map((o) => o.id)));

  if (framework.replacedBy?.framework) {
    check(
      'replacedBy',
      catalogue.framework(framework.replacedBy.framework) !== undefined,
      `unknown framework ${framework.replacedBy.framework}`,
    );
  }
  (framework.items ?? []).forEach((item, i) => {
    if (item.parent) check(`items[${i}].parent`, exists(item.parent), `unknown parent ${item.parent} of ${item.code}`);
    for (const option of item.options ?? []) {
      check(`items[${i}].options`, optionIds.has(option), `unknown option ${option} of ${item.code}`);
    }
  });
  (framework.roles ?? []).forEach((role, i) => {
    const inherited = role.inheritsCpdSuggestionsFrom?.role;
    if (inherited) check(`roles[${i}].inheritsCpdSuggestionsFrom`, catalogue.role(inherited) !== undefined, `unknown role ${inherited}`);
    const suggestions = [
      ...(role.cpdSuggestions?.items ?? []),
      ...(inherited ? (catalogue.role(inherited)?.cpdSuggestions?.items ?? []) : []),
    ];
    (role.cpdLeaveOut ?? []).forEach((rule, j) => {
      check(
        `roles[${i}].cpdLeaveOut[${j}].suggestion`,
        suggestions.includes(rule.suggestion),
        `not one of ${role.id}'s CPD suggestions: ${rule.suggestion}`,
      );
      for (const [where, ok, reason] of requirementFindings(rule.when, `roles[${i}].cpdLeaveOut[${j}].when`, catalogue))
        check(where, ok, reason);
    });
    (role.relevantQualifications ?? []).forEach((rq, j) => {
      check(
        `roles[${i}].relevantQualifications[${j}]`,
        catalogue.qualification(rq.qualification) !== undefined,
        `unknown qualification ${rq.qualification}`,
      );
    });
  });
  (framework.qualifications ?? []).forEach((q, i) => {
    (q.units ?? []).forEach((unit, j) => {
      for (const nos of unit.nos)
        check(`qualifications[${i}].units[${j}].nos`, catalogue.item(nos) !== undefined, `unknown NOS unit ${nos}`);
    });
  });
  (framework.associations ?? []).forEach((a, i) => {
    check(`associations[${i}].from`, exists(a.from), `unknown code ${a.from}`);
    check(`associations[${i}].to`, exists(a.to), `unknown code ${a.to}`);
  });
  if (framework.evidenceFile)
    for (const [where, ok, reason] of requirementFindings(framework.evidenceFile.entry, 'evidenceFile.entry', catalogue))
      check(where, ok, reason);
  (framework.requirements ?? []).forEach((rule, i) => {
    check(`requirements[${i}].target`, exists(rule.target), `unknown target ${rule.target}`);
    for (const [where, ok, reason] of requirementFindings(rule.requirement, `requirements[${i}].requirement`, catalogue))
      check(where, ok, reason);
  });
};

type Finding = [where: string, ok: boolean, reason: string];

/** The references one requirement node makes, each with whether it resolves. */
const requirementFindings = (node: Requirement, where: string, catalogue: Catalogue): Finding[] => {
  switch (node.type) {
    case 'allOf':
    case 'anyOf':
      return node.of.flatMap((child, i) => requirementFindings(child, `${where}.of[${i}]`, catalogue));
    case 'atLeast':
      return [
        [`${where}.count`, node.count <= node.of.length, `asks for ${node.count} of ${node.of.length}`],
        ...node.of.flatMap((child, i) => requirementFindings(child, `${where}.of[${i}]`, catalogue)),
      ];
    case 'when':
      return requirementFindings(node.require, `${where}.require`, catalogue);
    case 'not':
      return [
        [`${where}.requirement`, node.requirement.type !== 'not', 'a not of a not: write the requirement itself'],
        [
          `${where}.requirement.strength`,
          node.requirement.strength === undefined,
          'set the strength on the not, not inside it (what is excluded is neither required nor advice)',
        ],
        ...requirementFindings(node.requirement, `${where}.requirement`, catalogue),
      ];
    case 'qualification':
      return [[`${where}.id`, catalogue.qualification(node.id) !== undefined, `unknown qualification ${node.id}`]];
    case 'role':
      return [[`${where}.id`, catalogue.role(node.id) !== undefined, `unknown role ${node.id}`]];
    case 'status':
      return [[`${where}.id`, catalogue.status(node.id) !== undefined, `unknown status ${node.id}`]];
    case 'subjectGrade':
      return node.schemes.map(
        (scheme): Finding => [`${where}.schemes`, catalogue.gradeScheme(scheme) !== undefined, `unknown grade scheme ${scheme}`],
      );
    case 'itemsMet':
    case 'itemsWorkingTowards':
      return [
        [where, Boolean(node.codes || node.set), 'names neither codes nor a set'],
        ...(node.codes ?? []).map((code): Finding => [`${where}.codes`, catalogue.item(code) !== undefined, `unknown item ${code}`]),
        ...(node.set
          ? [
              [
                `${where}.set.framework`,
                catalogue.framework(node.set.framework) !== undefined,
                `unknown framework ${node.set.framework}`,
              ] satisfies Finding,
            ]
          : []),
      ];
    default:
      return [];
  }
};
