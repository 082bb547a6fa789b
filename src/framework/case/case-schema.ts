import { z } from 'zod';

/**
 * 1EdTech Competencies and Academic Standards Exchange (CASE) v1.1: the package shape (`CFPackage`)
 * of the official CFPackage JSON Schema (case_v1p1_cfpackage-jsonschema1.json), for what Pathways
 * exports. Required fields are required here; optional ones are optional; unknown fields are refused
 * (the official schema has `additionalProperties: false`). The CASE 1.0 form Pathways can also write
 * is the same minus `caseVersion` (the official 1.0 OpenAPI definitions have none of the 1.1 fields).
 * The official test of an export is the JSON Schema itself (export.test.ts); this is the API contract.
 */

/** CASE identifiers: 8-4-4-4-12 hexadecimal (real packages use ids such as 00000000-0000-0000-0000-000000000001). */
const Uuid = z.guid();
const Uri = z
  .string()
  .min(1)
  .regex(/^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$/, 'an absolute URI');
const DateTime = z.iso.datetime({ offset: true });
const IsoDate = z.iso.date();

/** LinkURI: a reference to another CASE object. */
export const CaseLink = z.strictObject({ title: z.string(), identifier: Uuid, uri: Uri });
export type CaseLink = z.infer<typeof CaseLink>;
/** LinkGenURI: an association's end; its identifier need not be a UUID (the node may be outside CASE). */
export const CaseGenLink = z.strictObject({ title: z.string(), identifier: z.string().min(1), uri: Uri });

/** The association types of CASE v1.1 (`CFPckgAssociation.associationType`), without extensions (`ext:…`). */
export const CaseAssociationType = z.enum([
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
]);
export type CaseAssociationType = z.infer<typeof CaseAssociationType>;

export const CFDocument = z.strictObject({
  identifier: Uuid,
  uri: Uri,
  frameworkType: z.string().optional(),
  caseVersion: z.literal('1.1').optional(),
  creator: z.string().min(1),
  title: z.string().min(1),
  lastChangeDateTime: DateTime,
  officialSourceURL: Uri.optional(),
  publisher: z.string().optional(),
  description: z.string().optional(),
  subject: z.array(z.string()).optional(),
  subjectURI: z.array(CaseLink).optional(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'a language tag such as en')
    .optional(),
  version: z.string().optional(),
  adoptionStatus: z.string().optional(),
  statusStartDate: IsoDate.optional(),
  statusEndDate: IsoDate.optional(),
  licenseURI: CaseLink.optional(),
  notes: z.string().optional(),
});
export type CFDocument = z.infer<typeof CFDocument>;

export const CFItem = z.strictObject({
  identifier: Uuid,
  fullStatement: z.string().min(1),
  alternativeLabel: z.string().optional(),
  CFItemType: z.string().optional(),
  uri: Uri,
  humanCodingScheme: z.string().optional(),
  listEnumeration: z.string().optional(),
  abbreviatedStatement: z.string().optional(),
  conceptKeywords: z.array(z.string()).optional(),
  conceptKeywordsURI: CaseLink.optional(),
  notes: z.string().optional(),
  subject: z.array(z.string()).optional(),
  subjectURI: z.array(CaseLink).optional(),
  language: z.string().optional(),
  educationLevel: z.array(z.string()).optional(),
  CFItemTypeURI: CaseLink.optional(),
  licenseURI: CaseLink.optional(),
  statusStartDate: IsoDate.optional(),
  statusEndDate: IsoDate.optional(),
  lastChangeDateTime: DateTime,
});
export type CFItem = z.infer<typeof CFItem>;

export const CFAssociation = z.strictObject({
  identifier: Uuid,
  associationType: z.union([CaseAssociationType, z.string().regex(/^ext:[A-Za-z0-9.|_-]+$/, 'an extension type such as ext:hasPart')]),
  sequenceNumber: z.number().int().optional(),
  uri: Uri,
  originNodeURI: CaseGenLink,
  destinationNodeURI: CaseGenLink,
  CFAssociationGroupingURI: CaseLink.optional(),
  lastChangeDateTime: DateTime,
  notes: z.string().optional(),
});
export type CFAssociation = z.infer<typeof CFAssociation>;

export const CFItemType = z.strictObject({
  identifier: Uuid,
  uri: Uri,
  title: z.string().min(1),
  description: z.string().min(1),
  hierarchyCode: z.string().min(1),
  typeCode: z.string().optional(),
  lastChangeDateTime: DateTime,
});
export type CFItemType = z.infer<typeof CFItemType>;

const CFConcept = z.strictObject({
  identifier: Uuid,
  uri: Uri,
  title: z.string().min(1),
  keywords: z.string().optional(),
  hierarchyCode: z.string().min(1),
  description: z.string().optional(),
  lastChangeDateTime: DateTime,
});
const CFSubject = z.strictObject({
  identifier: Uuid,
  uri: Uri,
  title: z.string().min(1),
  hierarchyCode: z.string().min(1),
  description: z.string().optional(),
  lastChangeDateTime: DateTime,
});
const CFLicense = z.strictObject({
  identifier: Uuid,
  uri: Uri,
  title: z.string().min(1),
  description: z.string().optional(),
  licenseText: z.string().min(1),
  lastChangeDateTime: DateTime,
});
const CFAssociationGrouping = z.strictObject({
  identifier: Uuid,
  uri: Uri,
  title: z.string().min(1),
  description: z.string().optional(),
  lastChangeDateTime: DateTime,
});

export const CFDefinitions = z.strictObject({
  CFConcepts: z.array(CFConcept).optional(),
  CFSubjects: z.array(CFSubject).optional(),
  CFLicenses: z.array(CFLicense).optional(),
  CFItemTypes: z.array(CFItemType).optional(),
  CFAssociationGroupings: z.array(CFAssociationGrouping).optional(),
});

/** A whole CASE framework: the document, its items, the associations between them and the definitions they use. */
export const CFPackage = z.strictObject({
  CFDocument,
  CFItems: z.array(CFItem).optional(),
  CFAssociations: z.array(CFAssociation).optional(),
  CFDefinitions: CFDefinitions.optional(),
});
export type CFPackage = z.infer<typeof CFPackage>;
