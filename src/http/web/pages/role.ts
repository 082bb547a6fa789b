import { describeRequirement, type RequirementLine } from '../../../domain/describe-requirement.ts';
import type { Catalogue } from '../../../framework/catalogue.ts';
import type { Framework, RequirementRule, Role } from '../../../framework/schema.ts';
import { hrefOfCode, nameOfCode } from '../links.ts';
import { type ItemNode, itemTree } from './items.ts';

const stageHeadings: Record<RequirementRule['stage'], string> = {
  hold: 'To hold the role',
  entry: 'To start',
  gateway: 'Before Gateway to Completion (formerly the end-point assessment gateway)',
  award: 'To be awarded',
};

const relationNames: Record<string, string> = {
  'working-towards': 'Working towards',
  'working-at': 'Working at this level',
  meeting: 'Meets this level',
  alternative: 'An alternative',
  suggested: 'Suggested',
};

export type Link = { name: string; code: string; href?: string; note?: string };

export type RolePage = {
  role: Role;
  framework: Framework;
  duties: ItemNode[];
  requirements: { id: string; stage: string; line: RequirementLine }[];
  qualifications: { code: string; title: string; href?: string; relation: string; level?: string }[];
  leadsTo: Link[];
  comesFrom: Link[];
};

const linkOf = (catalogue: Catalogue, code: string, note?: string): Link => ({
  name: nameOfCode(catalogue, code),
  code,
  href: hrefOfCode(catalogue, code),
  ...(note ? { note } : {}),
});

/** Everything the role page shows, with requirements turned into plain English. */
export const buildRolePage = (catalogue: Catalogue, role: Role, framework: Framework): RolePage => {
  const items = framework.items ?? [];
  const duties = itemTree(
    items,
    catalogue.children(role.id).map((i) => i.code),
  );
  const requirements = catalogue.requirementsFor(role.id).map((rule) => ({
    id: rule.id,
    stage: stageHeadings[rule.stage],
    line: describeRequirement(rule.requirement, catalogue),
  }));
  const qualifications = (role.relevantQualifications ?? []).map((rq) => {
    const qualification = catalogue.qualification(rq.qualification);
    return {
      code: rq.qualification,
      title: qualification?.title ?? rq.qualification,
      href: hrefOfCode(catalogue, rq.qualification),
      relation: relationNames[rq.relation] ?? rq.relation,
      ...(qualification
        ? { level: typeof qualification.level === 'number' ? `Level ${qualification.level}` : `Entry ${qualification.level}` }
        : {}),
    };
  });
  return {
    role,
    framework,
    duties,
    requirements,
    qualifications,
    leadsTo: catalogue.associations({ type: 'precedes', from: role.id }).map((a) => linkOf(catalogue, a.to, a.note)),
    comesFrom: catalogue.associations({ type: 'precedes', to: role.id }).map((a) => linkOf(catalogue, a.from, a.note)),
  };
};
