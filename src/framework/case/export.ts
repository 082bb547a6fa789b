import { AppError } from '../../contracts/errors.ts';
import type { Catalogue } from '../catalogue.ts';
import type { Framework, ItemKind } from '../schema.ts';
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

const adoptionStatusOf: Record<Framework['status'], string> = {
  current: 'Adopted',
  'in-development': 'Draft',
  superseded: 'Deprecated',
  closed: 'Deprecated',
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
      notes: [item.options ? `Options: ${item.options.join(', ')}.` : '', item.inferred ?? ''].filter(Boolean).join(' ') || undefined,
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
  /** CASE's lastChangeDateTime for every object; the caller passes its clock. */
  changedAt?: Date;
};

/**
 * Maps one framework of the catalogue to a 1EdTech CASE v1.0 package: the CFDocument, one CFItem per
 * role, status, item, qualification and unit (humanCodingScheme = the Pathways code), an `isChildOf`
 * association for every grouping, and the framework's own CASE-typed associations. Identifiers are
 * name-based UUIDs, so the same framework always exports with the same identifiers.
 */
export const exportCase = (catalogue: Catalogue, frameworkId: string, options: CaseExportOptions = {}): CFPackage => {
  const framework = catalogue.framework(frameworkId);
  if (!framework) throw new AppError('not_found', `There is no framework with id "${frameworkId}"`);
  const lastChangeDateTime = (options.changedAt ?? new Date()).toISOString();
  const urn = (identifier: string) => `urn:uuid:${identifier}`;
  const link = (title: string, identifier: string): CaseLink => ({ title, identifier, uri: urn(identifier) });

  const documentId = uuidV5(`framework/${framework.id}`);
  const documentLink = link(framework.title, documentId);
  const nodes = nodesOf(framework);
  const titleOf = new Map(nodes.map((n) => [n.code, n.title ?? n.code]));
  /** A link to any code: this framework's nodes, or another framework's (a cross-framework parent or edge). */
  const linkTo = (code: string): CaseLink => {
    const local = titleOf.has(code);
    const owner = local ? framework.id : (catalogue.frameworkOf(code)?.id ?? framework.id);
    const entry = catalogue.entry(code);
    const title = (local ? titleOf.get(code) : undefined) ?? (entry?.type === 'item' ? (entry.item.title ?? code) : code);
    return link(title, uuidV5(`framework/${owner}/item/${code}`));
  };

  const usedTypes = [...new Set(nodes.map((n) => n.type))];
  const itemTypes: CFItemType[] = usedTypes.map((type, i) => {
    const identifier = uuidV5(`item-type/${type}`);
    return {
      identifier,
      uri: urn(identifier),
      title: caseItemTypeOf[type],
      description: `Pathways ${type}: ${caseItemTypeOf[type]}`,
      hierarchyCode: String(i + 1),
      typeCode: type,
      lastChangeDateTime,
    };
  });
  const itemTypeLink = new Map(itemTypes.map((t) => [t.typeCode, link(t.title, t.identifier)]));

  const items: CFItem[] = nodes.map((node) => {
    const { identifier } = linkTo(node.code);
    return {
      identifier,
      uri: urn(identifier),
      fullStatement: node.fullStatement,
      humanCodingScheme: node.code,
      ...(node.title ? { abbreviatedStatement: node.title } : {}),
      CFItemType: caseItemTypeOf[node.type],
      ...(itemTypeLink.get(node.type) ? { CFItemTypeURI: itemTypeLink.get(node.type) } : {}),
      ...(node.notes ? { notes: node.notes } : {}),
      language: 'en',
      lastChangeDateTime,
      CFDocumentURI: documentLink,
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
      CFDocumentURI: documentLink,
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

  return {
    CFDocument: {
      identifier: documentId,
      uri: urn(documentId),
      creator: framework.publisher,
      publisher: framework.publisher,
      title: framework.title,
      description: framework.description,
      lastChangeDateTime,
      language: 'en',
      version: framework.version,
      adoptionStatus: adoptionStatusOf[framework.status],
      caseVersion: '1.0',
      CFPackageURI: link(framework.title, uuidV5(`framework/${framework.id}/package`)),
    },
    CFItems: items,
    CFAssociations: [...childOf, ...own],
    CFDefinitions: { CFItemTypes: itemTypes },
  };
};
