import { z } from 'zod';

/**
 * What a framework or item imported from a 1EdTech CASE package keeps of its CASE identity, so that
 * exporting it again gives back the publisher's identifiers, URIs, codes and dates (CASE identifiers
 * are meant to stay the same wherever a framework travels) rather than Pathways' derived ones.
 * Imports only zod: the framework schema includes these.
 */

/** A CASE link (LinkGenURI) kept verbatim: the identifier need not be a UUID and the node may be outside the package. */
export const CaseLinkRecord = z.strictObject({ title: z.string(), identifier: z.string().min(1), uri: z.string().min(1) });

/** An association Pathways cannot hold as an edge between codes (an end outside the package, or a CASE type Pathways does not model). */
export const CaseAssociationRecord = z.strictObject({
  identifier: z.string().min(1),
  associationType: z.string().min(1),
  sequenceNumber: z.number().int().optional(),
  uri: z.string().min(1),
  originNodeURI: CaseLinkRecord,
  destinationNodeURI: CaseLinkRecord,
  lastChangeDateTime: z.string().min(1),
});
export type CaseAssociationRecord = z.infer<typeof CaseAssociationRecord>;

/** The CFDocument's identity. */
export const CaseDocumentOrigin = z.strictObject({
  identifier: z.string().min(1),
  uri: z.string().min(1),
  creator: z.string().min(1),
  lastChangeDateTime: z.string().min(1),
  adoptionStatus: z.string().min(1).optional(),
  officialSourceURL: z.string().min(1).optional(),
  /** Associations kept verbatim, exported again as they came. */
  associations: z.array(CaseAssociationRecord).optional(),
});
export type CaseDocumentOrigin = z.infer<typeof CaseDocumentOrigin>;

/** A CFItem's identity. `humanCodingScheme` and `itemType` are absent where the package gave none. */
export const CaseItemOrigin = z.strictObject({
  identifier: z.string().min(1),
  uri: z.string().min(1),
  lastChangeDateTime: z.string().min(1),
  humanCodingScheme: z.string().min(1).optional(),
  itemType: z.string().min(1).optional(),
});
export type CaseItemOrigin = z.infer<typeof CaseItemOrigin>;
