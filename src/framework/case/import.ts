import { z } from 'zod';
import { AppError, type ErrorDetail } from '../../contracts/errors.ts';
import { detailsFromZod } from '../../contracts/zod-issues.ts';
import { buildCatalogue, type Catalogue } from '../catalogue.ts';
import { type ImportedFramework, importedSources } from '../ifate/plan.ts';
import type { FrameworkSource } from '../load.ts';
import { type Association, type CompetencyItem, Framework, type ItemKind, type Note, type Provenance } from '../schema.ts';
import type { CaseAssociationRecord, CaseItemOrigin } from './case-identity.ts';
import { caseItemTypeOf } from './export.ts';

/**
 * Reading a 1EdTech CASE package (1.0 or 1.1) into a Pathways framework: JSON in, a Framework value
 * or an `import_invalid` error out, naming the file, the JSON path and the reason. Pure: no I/O.
 *
 * The package is read leniently where real packages differ from the official schemas (OpenSALT
 * exports carry `CFDocumentURI` as a string, `CFPackageURI`, `educationalLevel`…: unknown fields are
 * ignored) and strictly where Pathways relies on a field (identifiers, statements, dates, the tree).
 */

const invalid = (fileName: string, message: string, details: ErrorDetail[]) =>
  new AppError('import_invalid', `${fileName}: ${message}. Nothing was imported.`, details);

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const Identifier = z.string().regex(guid, 'a UUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6 (CASE identifiers are UUIDs)');
const Uri = z.string().trim().min(1, 'a URI');
const Statement = z.string().refine((s) => s.trim().length > 0, 'a statement (not empty)');
/** ISO 8601 date and time; a time without a zone (as some OpenSALT exports write) is read as UTC. */
const DateTime = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:?\d{2})?$/,
    'an ISO 8601 date and time such as 2017-10-18T15:02:46+00:00',
  )
  .transform((s) => {
    const [date, rest = ''] = s.split(/[Tt ]/);
    const zone = /([Zz]|[+-]\d{2}:?\d{2})$/.exec(rest)?.[0];
    const time = zone ? rest.slice(0, -zone.length) : rest;
    const normalisedZone = !zone || zone.toUpperCase() === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
    return `${date}T${time}${normalisedZone}`;
  });
const optionalText = z
  .string()
  .nullish()
  .transform((s) => (s === null || s === undefined || s.trim() === '' ? undefined : s));
const associationTypes = [
  'isChildOf',
  'isPeerOf',
  'isPartOf',
  'exactMatchOf',
  'precedes',
  'isRelatedTo',
  'replacedBy',
  'exemplar',
  'hasSkillLevel',
  'isTranslationOf',
] as const satisfies readonly string[];
const AssociationTypeIn = z
  .string()
  .refine(
    (t) => (associationTypes as readonly string[]).includes(t) || /^ext:[A-Za-z0-9.|_-]+$/.test(t),
    `a CASE association type (${associationTypes.join(', ')}, or ext:…)`,
  );

const LinkIn = z.looseObject({ title: z.string().nullish(), identifier: z.string().trim().min(1), uri: Uri });

const DocumentIn = z.looseObject({
  identifier: Identifier,
  uri: Uri,
  creator: Statement,
  title: Statement,
  lastChangeDateTime: DateTime,
  caseVersion: z.enum(['1.0', '1.1'], 'CASE version 1.0 or 1.1 (Pathways reads no other)').nullish(),
  publisher: optionalText,
  description: optionalText,
  version: optionalText,
  adoptionStatus: optionalText,
  officialSourceURL: optionalText,
});

const ItemIn = z.looseObject({
  identifier: Identifier,
  uri: Uri,
  fullStatement: Statement,
  lastChangeDateTime: DateTime,
  humanCodingScheme: optionalText,
  abbreviatedStatement: optionalText,
  CFItemType: optionalText,
  notes: optionalText,
});

const AssociationIn = z.looseObject({
  identifier: Identifier,
  associationType: AssociationTypeIn,
  /** An integer; OpenSALT's sample export writes it as a string ("1"). */
  sequenceNumber: z
    .union([
      z.number().int(),
      z
        .string()
        .regex(/^-?\d+$/, 'an integer')
        .transform(Number),
    ])
    .nullish(),
  uri: Uri,
  originNodeURI: LinkIn,
  destinationNodeURI: LinkIn,
  lastChangeDateTime: DateTime,
});

const list = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((l) => l ?? []);

/** A CFPackage as Pathways reads it. */
export const CasePackageIn = z.looseObject({ CFDocument: DocumentIn, CFItems: list(ItemIn), CFAssociations: list(AssociationIn) });
export type CasePackageIn = z.infer<typeof CasePackageIn>;

const lineAndColumn = (text: string, position: number) => {
  const before = text.slice(0, position).split('\n');
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
};

const parseJson = (text: string, fileName: string): unknown => {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(reason)?.[1];
    const where = position === undefined ? '$' : `$ (${lineAndColumn(text, Number(position))}, position ${position})`;
    throw invalid(fileName, 'is not valid JSON', [{ where, reason }]);
  }
};

/** Every identifier is used once; every isChildOf goes from an item of the package to the document or another item, without a cycle. */
const checkReferences = (pkg: CasePackageIn): ErrorDetail[] => {
  const problems: ErrorDetail[] = [];
  const seen = new Map<string, string>();
  const register = (identifier: string, where: string) => {
    const key = identifier.toLowerCase();
    const first = seen.get(key);
    if (first) problems.push({ where, reason: `duplicate identifier ${identifier}, already used at ${first}` });
    else seen.set(key, where);
  };
  register(pkg.CFDocument.identifier, '$.CFDocument.identifier');
  pkg.CFItems.forEach((item, i) => {
    register(item.identifier, `$.CFItems[${i}].identifier`);
  });
  pkg.CFAssociations.forEach((a, i) => {
    register(a.identifier, `$.CFAssociations[${i}].identifier`);
  });
  const items = new Set(pkg.CFItems.map((i) => i.identifier.toLowerCase()));
  const documentId = pkg.CFDocument.identifier.toLowerCase();
  pkg.CFAssociations.forEach((a, i) => {
    if (a.associationType !== 'isChildOf') return;
    const origin = a.originNodeURI.identifier.toLowerCase();
    const destination = a.destinationNodeURI.identifier.toLowerCase();
    if (!items.has(origin))
      problems.push({
        where: `$.CFAssociations[${i}].originNodeURI.identifier`,
        reason: `isChildOf from ${a.originNodeURI.identifier}, which is not an item of this package`,
      });
    if (destination !== documentId && !items.has(destination))
      problems.push({
        where: `$.CFAssociations[${i}].destinationNodeURI.identifier`,
        reason: `isChildOf to ${a.destinationNodeURI.identifier}, which is neither this package's document nor one of its items`,
      });
    if (origin === destination)
      problems.push({ where: `$.CFAssociations[${i}]`, reason: `item ${a.originNodeURI.identifier} is a child of itself` });
  });
  return problems;
};

/** The framework id of an imported CASE document: `case-<CFDocument identifier>`. */
export const caseFrameworkId = (documentIdentifier: string): string => `case-${documentIdentifier.toLowerCase()}`;

/** Pathways item kinds by CASE item type, for the types Pathways itself writes ("Knowledge" → knowledge). */
const kindByItemType = new Map<string, ItemKind>(
  (
    ['group', 'duty', 'standard', 'knowledge', 'skill', 'behaviour', 'nos-unit', 'training-module', 'partnership-teacher-kind'] as const
  ).map((kind) => [caseItemTypeOf[kind].toLowerCase(), kind]),
);
/** Associations between two items of the package that Pathways holds as its own edges (isChildOf is the tree). */
const pathwaysTypes = new Set<string>(['isChildOf', 'isPartOf', 'exactMatchOf', 'isRelatedTo', 'precedes', 'replacedBy']);
const isPathwaysType = (type: string): type is Association['type'] => pathwaysTypes.has(type);

const everyNation: Framework['nations'] = ['England', 'Wales', 'Scotland', 'Northern Ireland'];

const statusOf = (adoptionStatus: string | undefined): Framework['status'] => {
  const s = (adoptionStatus ?? '').toLowerCase();
  if (s.includes('deprecated') || s.includes('retired') || s.includes('withdrawn')) return 'superseded';
  if (s.includes('draft')) return 'in-development';
  return 'current';
};

/**
 * Converts a validated package: codes `CASE-<first 8 of the document id>.<humanCodingScheme>` (an item
 * without a code of its own, or whose code another item shares, is coded by its identifier), the
 * hierarchy from `isChildOf` (the first one of an item is its parent, siblings in `sequenceNumber`
 * order, then package order), associations between items of the package as Pathways edges, and every
 * other association (an end outside the package, or a type Pathways does not model) kept verbatim.
 */
const convert = (pkg: CasePackageIn, fileName: string): Framework => {
  const doc = pkg.CFDocument;
  const documentKey = doc.identifier.toLowerCase();
  const prefix = `CASE-${documentKey.slice(0, 8)}`;
  const provenance: Provenance = { origin: 'import', format: 'case', reference: `CASE CFDocument ${doc.identifier}` };

  const sanitised = (code: string) => code.trim().replace(/[^A-Za-z0-9._@-]+/g, '-');
  const codeUses = Map.groupBy(
    pkg.CFItems.flatMap((i) => (i.humanCodingScheme ? [sanitised(i.humanCodingScheme)] : [])),
    (c) => c,
  );
  const codeOf = new Map(
    pkg.CFItems.map((item) => {
      const own = item.humanCodingScheme ? sanitised(item.humanCodingScheme) : '';
      const unique = own !== '' && (codeUses.get(own)?.length ?? 0) === 1;
      return [item.identifier.toLowerCase(), `${prefix}.${unique ? own : item.identifier.toLowerCase()}`];
    }),
  );

  const parentOf = new Map<string, { parent: string | undefined; sequence: number | undefined; index: number }>();
  const associations: Association[] = [];
  const kept: CaseAssociationRecord[] = [];
  const keep = (a: CasePackageIn['CFAssociations'][number]) => {
    const linkOf = (l: z.infer<typeof LinkIn>) => ({ title: l.title ?? '', identifier: l.identifier, uri: l.uri });
    kept.push({
      identifier: a.identifier,
      associationType: a.associationType,
      ...(a.sequenceNumber === null || a.sequenceNumber === undefined ? {} : { sequenceNumber: a.sequenceNumber }),
      uri: a.uri,
      originNodeURI: linkOf(a.originNodeURI),
      destinationNodeURI: linkOf(a.destinationNodeURI),
      lastChangeDateTime: a.lastChangeDateTime,
    });
  };
  pkg.CFAssociations.forEach((a, index) => {
    const from = codeOf.get(a.originNodeURI.identifier.toLowerCase());
    const toKey = a.destinationNodeURI.identifier.toLowerCase();
    const to = codeOf.get(toKey);
    if (a.associationType === 'isChildOf' && from && !parentOf.has(a.originNodeURI.identifier.toLowerCase())) {
      parentOf.set(a.originNodeURI.identifier.toLowerCase(), { parent: to, sequence: a.sequenceNumber ?? undefined, index });
      return;
    }
    if (from && to && isPathwaysType(a.associationType)) associations.push({ type: a.associationType, from, to, provenance });
    else keep(a);
  });

  const hasChildren = new Set([...parentOf.values()].flatMap((p) => (p.parent ? [p.parent] : [])));
  const toItem = (item: CasePackageIn['CFItems'][number]): CompetencyItem => {
    const key = item.identifier.toLowerCase();
    const code = codeOf.get(key) ?? key;
    const parent = parentOf.get(key)?.parent;
    const notes: Note[] = item.notes ? [{ kind: 'context', text: item.notes, provenance }] : [];
    const origin: CaseItemOrigin = {
      identifier: item.identifier,
      uri: item.uri,
      lastChangeDateTime: item.lastChangeDateTime,
      ...(item.humanCodingScheme ? { humanCodingScheme: item.humanCodingScheme } : {}),
      ...(item.CFItemType ? { itemType: item.CFItemType } : {}),
    };
    return {
      code,
      kind: kindByItemType.get((item.CFItemType ?? '').toLowerCase()) ?? (hasChildren.has(code) ? 'group' : 'standard'),
      text: item.fullStatement,
      ...(item.abbreviatedStatement ? { title: item.abbreviatedStatement } : {}),
      ...(parent ? { parent } : {}),
      provenance: { origin: 'import', format: 'case', reference: `CASE CFItem ${item.identifier}` },
      ...(notes.length > 0 ? { notes } : {}),
      case: origin,
    };
  };

  // Depth first from the document, so that the framework lists each item after its parent, siblings in order.
  const order = new Map(pkg.CFItems.map((item, i) => [item.identifier.toLowerCase(), i]));
  const childrenOf = Map.groupBy(
    pkg.CFItems.map((item) => item.identifier.toLowerCase()),
    (key) => parentOf.get(key)?.parent ?? '',
  );
  const rank = (key: string) => parentOf.get(key)?.sequence ?? Number.POSITIVE_INFINITY;
  const visited: string[] = [];
  const visit = (parentCode: string) => {
    const children = (childrenOf.get(parentCode) ?? []).toSorted((a, b) => rank(a) - rank(b) || (order.get(a) ?? 0) - (order.get(b) ?? 0));
    for (const key of children) {
      visited.push(key);
      visit(codeOf.get(key) ?? key);
    }
  };
  visit('');
  if (visited.length < pkg.CFItems.length) {
    const reached = new Set(visited);
    throw invalid(
      fileName,
      'has items whose isChildOf associations form a cycle',
      pkg.CFItems.flatMap((item, i) =>
        reached.has(item.identifier.toLowerCase())
          ? []
          : [{ where: `$.CFItems[${i}]`, reason: `item ${item.identifier} is its own ancestor through isChildOf` }],
      ),
    );
  }
  const byKey = new Map(pkg.CFItems.map((item) => [item.identifier.toLowerCase(), item]));
  const items = visited.flatMap((key) => {
    const item = byKey.get(key);
    return item ? [toItem(item)] : [];
  });

  return {
    id: caseFrameworkId(doc.identifier),
    title: doc.title,
    publisher: doc.publisher ?? doc.creator,
    version: doc.version ?? doc.lastChangeDateTime,
    status: statusOf(doc.adoptionStatus),
    nations: everyNation,
    description:
      doc.description ?? `"${doc.title}", a competency framework imported from a 1EdTech CASE package (CFDocument ${doc.identifier}).`,
    provenance,
    notes: [
      {
        kind: 'inference',
        text: 'A CASE package does not say in which nations a framework applies, so Pathways offers the imported framework in all four. Its codes are the package\'s humanCodingScheme values prefixed with "CASE-" and the start of the document identifier, so that they cannot clash with another framework\'s codes.',
        provenance,
      },
    ],
    case: {
      identifier: doc.identifier,
      uri: doc.uri,
      creator: doc.creator,
      lastChangeDateTime: doc.lastChangeDateTime,
      ...(doc.adoptionStatus ? { adoptionStatus: doc.adoptionStatus } : {}),
      ...(doc.officialSourceURL ? { officialSourceURL: doc.officialSourceURL } : {}),
      ...(kept.length > 0 ? { associations: kept } : {}),
    },
    items,
    ...(associations.length > 0 ? { associations } : {}),
  };
};

/**
 * Parses, validates and converts one CASE package (the JSON text of a file, or a parsed value) to a
 * framework. A malformed package fails with `import_invalid` and a detail per problem naming its
 * JSON path (`$.CFItems[3].identifier`) and the reason.
 */
export const convertCasePackage = (json: string | unknown, fileName: string): Framework => {
  const value = typeof json === 'string' ? parseJson(json, fileName) : json;
  const parsed = CasePackageIn.safeParse(value);
  if (!parsed.success) throw invalid(fileName, 'is not a CASE package (CFPackage, CASE 1.0 or 1.1)', detailsFromZod(parsed.error));
  const problems = checkReferences(parsed.data);
  if (problems.length > 0) throw invalid(fileName, `has ${problems.length} broken reference(s)`, problems);
  const converted = convert(parsed.data, fileName);
  const framework = Framework.safeParse(converted);
  if (!framework.success) {
    throw invalid(fileName, 'does not convert to a valid framework', detailsFromZod(framework.error, converted.id));
  }
  return framework.data;
};

/**
 * Checks that an imported CASE framework fits the catalogue (no code or id clash, every reference
 * resolves) without changing anything, and returns the catalogue with it.
 */
export const planCaseImport = (
  framework: Framework,
  fileName: string,
  builtIn: readonly FrameworkSource[],
  imported: readonly ImportedFramework[],
): Catalogue => {
  try {
    return buildCatalogue([...builtIn, ...importedSources(imported), { file: `imported framework ${framework.id}`, framework }]);
  } catch (error) {
    if (error instanceof AppError) throw invalid(fileName, 'does not fit the catalogue', [...error.details]);
    throw error;
  }
};
