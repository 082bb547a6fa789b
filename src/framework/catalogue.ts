import { AppError, type ErrorDetail } from '../contracts/errors.ts';
import { checkIntegrity } from './integrity.ts';
import type { FrameworkSource } from './load.ts';
import type {
  Association,
  CompetencyItem,
  Framework,
  GradeScheme,
  ItemKind,
  Qualification,
  RequirementRule,
  Role,
  Status,
  Unit,
} from './schema.ts';

/** Anything in the catalogue that has a code, with the framework that holds it. */
export type CatalogueEntry =
  | { type: 'item'; code: string; framework: Framework; item: CompetencyItem }
  | { type: 'role'; code: string; framework: Framework; role: Role }
  | { type: 'status'; code: string; framework: Framework; status: Status }
  | { type: 'qualification'; code: string; framework: Framework; qualification: Qualification }
  | { type: 'unit'; code: string; framework: Framework; unit: Unit; qualification: Qualification };

export type ItemFilter = { framework?: string; kind?: ItemKind; option?: string };

/**
 * The whole framework reference data, indexed for lookup. Read-only at run time:
 * built once from the data files (and imported standards) and shared by every request.
 */
export type Catalogue = {
  readonly frameworks: readonly Framework[];
  framework(id: string): Framework | undefined;
  entry(code: string): CatalogueEntry | undefined;
  item(code: string): CompetencyItem | undefined;
  role(id: string): Role | undefined;
  status(id: string): Status | undefined;
  qualification(id: string): Qualification | undefined;
  items(filter?: ItemFilter): CompetencyItem[];
  roles(): { role: Role; framework: Framework }[];
  qualifications(): { qualification: Qualification; framework: Framework }[];
  /** Items whose `parent` is the given code (a role's duties, a group's members, a duty's specialisms). */
  children(code: string): CompetencyItem[];
  associations(filter?: { type?: Association['type']; from?: string; to?: string }): Association[];
  requirementsFor(target: string, stage?: RequirementRule['stage']): RequirementRule[];
  gradeScheme(id: string): GradeScheme | undefined;
  frameworkOf(code: string): Framework | undefined;
  /** A short human name for any code: a role's, status's, qualification's or unit's title, an item's title or code. */
  title(code: string): string;
};

const titleOfEntry = (entry: CatalogueEntry): string => {
  switch (entry.type) {
    case 'role':
      return entry.role.title;
    case 'status':
      return entry.status.title;
    case 'qualification':
      return entry.qualification.title;
    case 'unit':
      return entry.unit.title;
    case 'item':
      return entry.item.title ?? entry.item.code;
  }
};

const entriesOf = (framework: Framework): CatalogueEntry[] => [
  ...(framework.items ?? []).map((item): CatalogueEntry => ({ type: 'item', code: item.code, framework, item })),
  ...(framework.roles ?? []).map((role): CatalogueEntry => ({ type: 'role', code: role.id, framework, role })),
  ...(framework.statuses ?? []).map((status): CatalogueEntry => ({ type: 'status', code: status.id, framework, status })),
  ...(framework.qualifications ?? []).flatMap((qualification): CatalogueEntry[] => [
    { type: 'qualification', code: qualification.id, framework, qualification },
    ...(qualification.units ?? []).map((unit): CatalogueEntry => ({ type: 'unit', code: unit.code, framework, unit, qualification })),
  ]),
];

/** Where each entry sits in its file, so duplicate codes can be reported precisely. */
const indexEntries = (sources: readonly FrameworkSource[]) => {
  const byCode = new Map<string, CatalogueEntry>();
  const duplicates: ErrorDetail[] = [];
  for (const { file, framework } of sources) {
    for (const entry of entriesOf(framework)) {
      const existing = byCode.get(entry.code);
      if (existing && !isReplacedBy(existing.framework, framework)) {
        duplicates.push({ where: `${file}: ${entry.code}`, reason: `code already used in framework ${existing.framework.id}` });
        continue;
      }
      byCode.set(entry.code, entry);
    }
  }
  return { byCode, duplicates };
};

/** A newer version of an imported standard reuses its codes; the newest version answers lookups. */
const isReplacedBy = (older: Framework, newer: Framework) => older.replacedBy?.framework === newer.id;

/** Builds the catalogue and checks that every reference in the data resolves; fails with each broken reference. */
export const buildCatalogue = (sources: readonly FrameworkSource[]): Catalogue => {
  const frameworkIds = new Map<string, FrameworkSource>();
  const problems: ErrorDetail[] = [];
  for (const source of sources) {
    if (frameworkIds.has(source.framework.id)) {
      problems.push({
        where: source.file,
        reason: `framework id ${source.framework.id} is also used by ${frameworkIds.get(source.framework.id)?.file}`,
      });
    }
    frameworkIds.set(source.framework.id, source);
  }
  const { byCode, duplicates } = indexEntries(sources);
  problems.push(...duplicates);
  const catalogue = assemble(
    sources.map((s) => s.framework),
    byCode,
  );
  problems.push(...checkIntegrity(sources, catalogue));
  if (problems.length > 0) {
    throw new AppError('framework_invalid', `The framework data has ${problems.length} broken reference(s)`, problems);
  }
  return catalogue;
};

const assemble = (frameworks: readonly Framework[], byCode: Map<string, CatalogueEntry>): Catalogue => {
  const frameworkById = new Map(frameworks.map((f) => [f.id, f]));
  const allItems = frameworks.flatMap((f) => (f.items ?? []).map((item) => ({ item, framework: f })));
  const childrenByParent = Map.groupBy(
    allItems.filter(({ item }) => item.parent),
    ({ item }) => item.parent ?? '',
  );
  const associations = frameworks.flatMap((f) => f.associations ?? []);
  // A newer version of an imported standard replaces the older one's rules.
  const requirements = frameworks
    .filter((f) => !f.replacedBy?.framework || !frameworkById.has(f.replacedBy.framework))
    .flatMap((f) => f.requirements ?? []);
  const schemes = new Map(frameworks.flatMap((f) => f.gradeSchemes ?? []).map((s) => [s.id, s]));
  const pick = <T extends CatalogueEntry['type']>(code: string, type: T) => {
    const entry = byCode.get(code);
    return entry?.type === type ? (entry as Extract<CatalogueEntry, { type: T }>) : undefined;
  };

  return {
    frameworks,
    framework: (id) => frameworkById.get(id),
    entry: (code) => byCode.get(code),
    item: (code) => pick(code, 'item')?.item,
    role: (id) => pick(id, 'role')?.role,
    status: (id) => pick(id, 'status')?.status,
    qualification: (id) => pick(id, 'qualification')?.qualification,
    items: (filter = {}) =>
      allItems
        .filter(({ framework }) => !filter.framework || framework.id === filter.framework)
        .filter(({ item }) => !filter.kind || item.kind === filter.kind)
        .filter(({ item }) => !filter.option || !item.options || item.options.includes(filter.option))
        .map(({ item }) => item),
    roles: () => frameworks.flatMap((framework) => (framework.roles ?? []).map((role) => ({ role, framework }))),
    qualifications: () =>
      frameworks.flatMap((framework) => (framework.qualifications ?? []).map((qualification) => ({ qualification, framework }))),
    children: (code) => (childrenByParent.get(code) ?? []).map(({ item }) => item),
    associations: (filter = {}) =>
      associations.filter(
        (a) => (!filter.type || a.type === filter.type) && (!filter.from || a.from === filter.from) && (!filter.to || a.to === filter.to),
      ),
    requirementsFor: (target, stage) => requirements.filter((r) => r.target === target && (!stage || r.stage === stage)),
    gradeScheme: (id) => schemes.get(id),
    frameworkOf: (code) => byCode.get(code)?.framework,
    title: (code) => {
      const entry = byCode.get(code);
      return entry ? titleOfEntry(entry) : code;
    },
  };
};
