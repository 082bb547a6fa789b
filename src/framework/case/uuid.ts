import { createHash } from 'node:crypto';

/** The namespace under which Pathways derives CASE identifiers (a fixed, randomly chosen UUID). */
export const pathwaysCaseNamespace = '6f1f5c2e-8d7a-4b4e-9a57-3d0c2b9e7f41';

/**
 * A name-based (version 5, SHA-1) UUID as RFC 9562 defines it: the same name always gives the
 * same identifier, so re-exporting a framework never changes the identifiers other systems hold.
 */
export const uuidV5 = (name: string, namespace: string = pathwaysCaseNamespace): string => {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};
