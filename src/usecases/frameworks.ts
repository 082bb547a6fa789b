import { AppError } from '../contracts/errors.ts';
import { isLeadIn } from '../domain/duty-lead-ins.ts';
import type { CFPackage } from '../framework/case/case-schema.ts';
import { type CaseVersion, exportCase } from '../framework/case/export.ts';
import type { Catalogue } from '../framework/catalogue.ts';
import type { CompetencyItem, Framework, ItemKind, Qualification, RequirementRule, Role } from '../framework/schema.ts';
import type { SearchIndex } from '../framework/search.ts';

/** One line per framework: what `pathways framework list` and `GET /api/frameworks` show. */
export type FrameworkSummary = {
  id: string;
  title: string;
  publisher: string;
  version: string;
  status: Framework['status'];
  origin: 'built-in' | 'import';
  replacedBy: string | null;
  counts: { items: number; roles: number; qualifications: number };
};

const summaryOf = (framework: Framework): FrameworkSummary => ({
  id: framework.id,
  title: framework.title,
  publisher: framework.publisher,
  version: framework.version,
  status: framework.status,
  origin: 'origin' in framework.provenance && framework.provenance.origin === 'import' ? 'import' : 'built-in',
  replacedBy: framework.replacedBy?.framework ?? framework.replacedBy?.title ?? null,
  counts: {
    items: (framework.items ?? []).filter((i) => i.kind !== 'group').length,
    roles: (framework.roles ?? []).length,
    qualifications: (framework.qualifications ?? []).length,
  },
});

/** Every framework in the catalogue, built-in and imported. */
export const listFrameworks = (catalogue: Catalogue): FrameworkSummary[] => catalogue.frameworks.map(summaryOf);

/** One framework, whole, with its summary; `not_found` for an unknown id. */
export const showFramework = (catalogue: Catalogue, id: string): { summary: FrameworkSummary; framework: Framework } => {
  const framework = catalogue.framework(id);
  if (!framework) throw new AppError('not_found', `There is no framework with id "${id}". GET /api/frameworks lists them.`);
  return { summary: summaryOf(framework), framework };
};

/** The framework as a 1EdTech CASE package (1.1 unless asked for the 1.0 form), dated with the framework's own date. */
export const exportFrameworkAsCase = (catalogue: Catalogue, id: string, caseVersion: CaseVersion = '1.1'): CFPackage => {
  showFramework(catalogue, id);
  return exportCase(catalogue, id, { caseVersion });
};

export type RoleView = {
  role: Role;
  framework: { id: string; title: string };
  /** The role's duties in order (sub-duties such as TA3.D7a follow their duty and name it as parent). */
  duties: CompetencyItem[];
  /** The lead-ins ("…at least one of the following:") that introduce some of the duties: not duties themselves. */
  leadIns: CompetencyItem[];
  requirements: RequirementRule[];
  relevantQualifications: {
    relation: string;
    qualification: { id: string; title: string; level: Qualification['level'] };
    requirements: RequirementRule[];
  }[];
  precedes: { to: string; title: string; type: string; strength: string | null; note: string | null }[];
};

const descendants = (catalogue: Catalogue, code: string): CompetencyItem[] =>
  catalogue.children(code).flatMap((child) => [child, ...descendants(catalogue, child.code)]);

/** A role with its duties, requirements, relevant qualifications and where it leads. */
export const showRole = (catalogue: Catalogue, id: string): RoleView => {
  const role = catalogue.role(id);
  const framework = catalogue.frameworkOf(id);
  if (!role || !framework) throw new AppError('not_found', `There is no role with id "${id}"`);
  const own = descendants(catalogue, id).filter((item) => item.kind === 'duty');
  // A standard's duties sit under groups of its framework rather than under the role (ST1414, imports).
  const onlyRole = (framework.roles ?? []).length === 1;
  const duties = own.length > 0 || !onlyRole ? own : (framework.items ?? []).filter((item) => item.kind === 'duty');
  const titleOf = (code: string) => catalogue.title(code);

  return {
    role,
    framework: { id: framework.id, title: framework.title },
    duties,
    leadIns: descendants(catalogue, id).filter((item) => isLeadIn(item)),
    requirements: catalogue.requirementsFor(id),
    relevantQualifications: (role.relevantQualifications ?? []).flatMap((rq) => {
      const qualification = catalogue.qualification(rq.qualification);
      return qualification
        ? [
            {
              relation: rq.relation,
              qualification: { id: qualification.id, title: qualification.title, level: qualification.level },
              requirements: catalogue.requirementsFor(qualification.id),
            },
          ]
        : [];
    }),
    precedes: catalogue.associations({ type: 'precedes', from: id }).map((a) => ({
      to: a.to,
      title: titleOf(a.to),
      type: catalogue.entry(a.to)?.type ?? 'unknown',
      strength: a.strength ?? null,
      note: a.note ?? null,
    })),
  };
};

export type ItemQuery = { framework?: string; kind?: ItemKind; q?: string; limit: number; offset: number };
export type ItemRow = CompetencyItem & { framework: string };
export type ItemPage = { total: number; limit: number; offset: number; items: ItemRow[] };

/** Competency items filtered by framework and kind, optionally matched by the search index (best first), one page at a time. */
export const listItems = (catalogue: Catalogue, index: SearchIndex, query: ItemQuery): ItemPage => {
  if (query.framework && !catalogue.framework(query.framework)) {
    throw new AppError('not_found', `There is no framework with id "${query.framework}"`);
  }
  const rows: ItemRow[] = query.q?.trim()
    ? index
        .search(
          query.q,
          { ...(query.framework ? { framework: query.framework } : {}), ...(query.kind ? { kind: query.kind } : {}) },
          100_000,
        )
        .filter((hit) => hit.type === 'item')
        .flatMap((hit) => {
          const item = catalogue.item(hit.code);
          return item ? [{ ...item, framework: hit.framework }] : [];
        })
    : catalogue.frameworks
        .filter((f) => !query.framework || f.id === query.framework)
        .flatMap((f) => (f.items ?? []).filter((i) => !query.kind || i.kind === query.kind).map((i) => ({ ...i, framework: f.id })));
  return { total: rows.length, limit: query.limit, offset: query.offset, items: rows.slice(query.offset, query.offset + query.limit) };
};

export type QualificationView = { qualification: Qualification; framework: { id: string; title: string }; requirements: RequirementRule[] };

/** A qualification with its units and the requirements attached to it. */
export const showQualification = (catalogue: Catalogue, id: string): QualificationView => {
  const qualification = catalogue.qualification(id);
  const framework = catalogue.frameworkOf(id);
  if (!qualification || !framework) throw new AppError('not_found', `There is no qualification with id "${id}"`);
  return { qualification, framework: { id: framework.id, title: framework.title }, requirements: catalogue.requirementsFor(id) };
};
