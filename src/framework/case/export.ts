import { AppError } from '../../contracts/errors.ts';
import type { Catalogue } from '../catalogue.ts';
import type { Framework, ItemKind } from '../schema.ts';
import type { CaseItemOrigin } from './case-identity.ts';
import type { CaseAssociationType, CaseLink, CFAssociation, CFItem, CFItemType, CFPackage } from './case-schema.ts';
import { uuidV5 } from './uuid.ts';

/** CASE's name for each kind of thing Pathways exports as a CFItem. */
export const caseItemTypeOf: Record<ItemKind | 'role' | 'status' | 'qualification' | 'unit', string> = {
  group: 'Group',
  duty: 'Duty',
  standard: 'Standard',
  knowledge: 'Knowledge',
  skill: 'Skill',
  behaviour: 'Behaviour',
  'nos-unit': 'NOS Unit',
  'training-module': 'Training Module',
  'partnership-teacher-kind': 'Partnership Teacher Kind',
  role: 'Role',
  status: 'Status',
  qualification: 'Qualification',
  unit: 'Unit',
};

/** The CASE versions Pathways writes: 1.1 (the default) or the 1.0 form (no `caseVersion`). */
export type CaseVersion = '1.0' | '1.1';

/**
 * CASE `adoptionStatus` ("the publication status of the document"; a free NormalizedString in the
 * official 1.1 JSON Schema, with "Draft" used by OpenSALT's own sample export) by the framework's
 * `status` and `publication`:
 *
 * | status         | publication: standard | publication: informal (a blog post, a proposal, Pathways' own) |
 * | -------------- | --------------------- | ------------------------------------------------------------- |
 * | current        | Adopted               | Draft                                                         |
 * | in-development | Draft                 | Draft                                                         |
 * | superseded     | Deprecated            | Deprecated                                                    |
 * | closed         | Deprecated            | Deprecated                                                    |
 *
 * Only a standard its publisher issued is "Adopted"; "Private Draft" is not used, since every
 * framework Pathways exports is public. A framework imported from CASE keeps the status it came with.
 */
export const adoptionStatusTable: Record<'standard' | 'informal', Record<Framework['status'], string>> = {
  standard: { current: 'Adopted', 'in-development': 'Draft', superseded: 'Deprecated', closed: 'Deprecated' },
  informal: { current: 'Draft', 'in-development': 'Draft', superseded: 'Deprecated', closed: 'Deprecated' },
};

/** Whether a framework is an issued standard or informal; absent in the data: informal if Pathways assembled it, else a standard. */
export const publicationOf = (framework: Framework): 'standard' | 'informal' =>
  framework.publication ?? ('origin' in framework.provenance && framework.provenance.origin === 'pathways' ? 'informal' : 'standard');

export const adoptionStatusOf = (framework: Framework): string =>
  framework.case?.adoptionStatus ?? adoptionStatusTable[publicationOf(framework)][framework.status];

/**
 * The date Pathways' reference data was assembled (the initial data release, migration 20261122):
 * the `lastChangeDateTime` of a framework whose version is not a date.
 */
export const referenceDataDate = '2026-11-22T00:00:00.000Z';

/**
 * The framework's own date, never the export time (so an export is deterministic): the date its
 * CASE package gave, else its version where that is a date (`2007`, `2013-07`, `2013-07-01`),
 * else the reference data date.
 */
export const lastChangeOf = (framework: Framework): string => {
  if (framework.case) return framework.case.lastChangeDateTime;
  const date = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(framework.version.trim());
  if (!date) return referenceDataDate;
  const parsed = new Date(Date.UTC(Number(date[1]), Number(date[2] ?? '1') - 1, Number(date[3] ?? '1')));
  return Number.isNaN(parsed.getTime()) ? referenceDataDate : parsed.toISOString();
};

const caseAssociationTypes = new Set<string>(['isChildOf', 'isPartOf', 'exactMatchOf', 'isRelatedTo', 'precedes', 'replacedBy']);
const isCaseAssociationType = (type: string): type is CaseAssociationType => caseAssociationTypes.has(type);

/** One thing of the framework that becomes a CFItem, with where it sits. */
type Node = {
  code: string;
  type: keyof typeof caseItemTypeOf;
  fullStatement: string;
  title?: string;
  notes?: string;
  /** The code it is a child of; absent: a child of the document. */
  parent?: string;
  /** The CASE identity of an item imported from CASE. */
  origin?: CaseItemOrigin;
};

const itemNotes = (item: NonNullable<Framework['items']>[number]): string | undefined => {
  if (item.case) return (item.notes ?? []).map((n) => n.text).join('\n\n') || undefined;
  return [item.options ? `Options: ${item.options.join(', ')}.` : '', item.inferred ?? ''].filter(Boolean).join(' ') || undefined;
};

const nodesOf = (framework: Framework): Node[] => [
  ...(framework.roles ?? []).map(
    (role): Node => ({ code: role.id, type: 'role', fullStatement: role.purpose?.text ?? role.title, title: role.title }),
  ),
  ...(framework.statuses ?? []).map(
    (status): Node => ({ code: status.id, type: 'status', fullStatement: status.description?.text ?? status.title, title: status.title }),
  ),
  ...(framework.items ?? []).map(
    (item): Node => ({
      code: item.code,
      type: item.kind,
      fullStatement: item.text,
      title: item.title,
      parent: item.parent,
      notes: itemNotes(item),
      origin: item.case,
    }),
  ),
  ...(framework.qualifications ?? []).flatMap((qualification): Node[] => [
    {
      code: qualification.id,
      type: 'qualification',
      fullStatement: qualification.description?.items.join(' ') ?? qualification.title,
      title: qualification.title,
    },
    ...(qualification.units ?? []).map(
      (unit): Node => ({ code: unit.code, type: 'unit', fullStatement: unit.title, title: unit.title, parent: qualification.id }),
    ),
  ]),
];

export type CaseExportOptions = {
  /** `1.1` (default): valid against the official CASE 1.1 CFPackage JSON Schema; `1.0`: the same without `caseVersion`. */
  caseVersion?: CaseVersion;
};

/**
 * Maps one framework of the catalogue to a 1EdTech CASE package (1.1 by default): the CFDocument, one
 * CFItem per role, status, item, qualification and unit (humanCodingScheme = the Pathways code), an
 * `isChildOf` association for every grouping, and the framework's own CASE-typed associations.
 * Identifiers are name-based UUIDs, so the same framework always exports with the same identifiers;
 * a framework imported from CASE exports with its own identifiers, codes, dates and the associations
 * Pathways kept verbatim. Dates are the framework's own, never the export time.
 */
export const exportCase = (catalogue: Catalogue, frameworkId: string, options: CaseExportOptions = {}): CFPackage => {
  const framework = catalogue.framework(frameworkId);
  if (!framework) throw new AppError('not_found', `There is no framework with id "${frameworkId}"`);
  const lastChangeDateTime = lastChangeOf(framework);
  const caseVersion: CaseVersion = options.caseVersion ?? '1.1';
  const urn = (identifier: string) => `urn:uuid:${identifier}`;
  const link = (title: string, identifier: string, uri: string = urn(identifier)): CaseLink => ({ title, identifier, uri });

  const documentId = framework.case?.identifier ?? uuidV5(`framework/${framework.id}`);
  const documentLink = link(framework.title, documentId, framework.case?.uri);
  const nodes = nodesOf(framework);
  const nodeOf = new Map(nodes.map((n) => [n.code, n]));
  /** A link to any code: this framework's nodes, or another framework's (a cross-framework parent or edge). */
  const linkTo = (code: string): CaseLink => {
    const local = nodeOf.get(code);
    const entry = local ? undefined : catalogue.entry(code);
    const owner = local ? framework.id : (catalogue.frameworkOf(code)?.id ?? framework.id);
    const origin = local ? local.origin : entry?.type === 'item' ? entry.item.case : undefined;
    const title = local ? (local.title ?? code) : entry?.type === 'item' ? (entry.item.title ?? code) : code;
    return origin ? link(title, origin.identifier, origin.uri) : link(title, uuidV5(`framework/${owner}/item/${code}`));
  };

  /** The CFItemType title of a node: its kind's name, or for an item from CASE the type it came with (none if none). */
  const typeTitleOf = (node: Node): string | undefined => (node.origin ? node.origin.itemType : caseItemTypeOf[node.type]);
  const itemTypes: CFItemType[] = [];
  const itemTypeLink = new Map<string, CaseLink>();
  for (const node of nodes) {
    const title = typeTitleOf(node);
    if (title === undefined || itemTypeLink.has(title)) continue;
    const identifier = node.origin ? uuidV5(`item-type/case/${title}`) : uuidV5(`item-type/${node.type}`);
    itemTypes.push({
      identifier,
      uri: urn(identifier),
      title,
      description: node.origin ? `${title} (an item type of the imported CASE package)` : `Pathways ${node.type}: ${title}`,
      hierarchyCode: String(itemTypes.length + 1),
      ...(node.origin ? {} : { typeCode: node.type }),
      lastChangeDateTime,
    });
    itemTypeLink.set(title, link(title, identifier));
  }

  const items: CFItem[] = nodes.map((node) => {
    const { identifier, uri } = linkTo(node.code);
    const humanCodingScheme = node.origin ? node.origin.humanCodingScheme : node.code;
    const itemType = typeTitleOf(node);
    const typeLink = itemType === undefined ? undefined : itemTypeLink.get(itemType);
    return {
      identifier,
      uri,
      fullStatement: node.fullStatement,
      ...(humanCodingScheme === undefined ? {} : { humanCodingScheme }),
      ...(node.title ? { abbreviatedStatement: node.title } : {}),
      ...(itemType === undefined ? {} : { CFItemType: itemType }),
      ...(typeLink ? { CFItemTypeURI: typeLink } : {}),
      ...(node.notes ? { notes: node.notes } : {}),
      language: 'en',
      lastChangeDateTime: node.origin?.lastChangeDateTime ?? lastChangeDateTime,
    };
  });

  const association = (type: CaseAssociationType, from: CaseLink, to: CaseLink, key: string, sequenceNumber?: number): CFAssociation => {
    const identifier = uuidV5(`framework/${framework.id}/association/${type}/${key}`);
    return {
      identifier,
      associationType: type,
      ...(sequenceNumber === undefined ? {} : { sequenceNumber }),
      uri: urn(identifier),
      originNodeURI: from,
      destinationNodeURI: to,
      lastChangeDateTime,
    };
  };
  const siblings = new Map<string, number>();
  const childOf = nodes.map((node) => {
    const parentKey = node.parent ?? '';
    const sequence = (siblings.get(parentKey) ?? 0) + 1;
    siblings.set(parentKey, sequence);
    const destination = node.parent ? linkTo(node.parent) : documentLink;
    return association('isChildOf', linkTo(node.code), destination, `${node.code}->${node.parent ?? framework.id}`, sequence);
  });
  const own = (framework.associations ?? []).flatMap((a, i) =>
    isCaseAssociationType(a.type) ? [association(a.type, linkTo(a.from), linkTo(a.to), `${a.from}->${a.to}#${i}`)] : [],
  );
  const kept: CFAssociation[] = (framework.case?.associations ?? []).map((a) => ({ ...a }));

  return {
    CFDocument: {
      identifier: documentId,
      uri: documentLink.uri,
      ...(caseVersion === '1.1' ? { caseVersion } : {}),
      creator: framework.case?.creator ?? framework.publisher,
      publisher: framework.publisher,
      title: framework.title,
      description: framework.description,
      ...(framework.case?.officialSourceURL ? { officialSourceURL: framework.case.officialSourceURL } : {}),
      lastChangeDateTime,
      language: 'en',
      version: framework.version,
      adoptionStatus: adoptionStatusOf(framework),
    },
    CFItems: items,
    CFAssociations: [...childOf, ...own, ...kept],
    CFDefinitions: { CFItemTypes: itemTypes },
  };
};
