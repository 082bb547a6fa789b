import { ACCEPTED_SUMMARY, acceptedFiles, humanSize } from './accepted-files.ts';

/**
 * Extensions the file chooser lists besides the groups: browsers do not count HEIC/HEIF photos
 * (what iPhones take) as `image/*`, so without them those files would be greyed out.
 */
const CHOOSER_EXTRA_EXTENSIONS = ['.heic', '.heif'] as const;

/**
 * The file chooser's `accept` list, from the accepted kinds: documents by extension (their media
 * types vary by system), other groups by media-type wildcard. It only narrows the chooser; what is
 * accepted is still decided from the bytes (`acceptedKindOf`).
 */
export const chooserAccept = (): string => {
  const documents = acceptedFiles.filter((f) => f.group === 'document').map((f) => `.${f.ext}`);
  const groups = [...new Set(acceptedFiles.filter((f) => f.group !== 'document').map((f) => `${f.group}/*`))];
  return [...new Set([...documents, ...groups, ...CHOOSER_EXTRA_EXTENSIONS])].join(',');
};

/** What an upload form tells people before they choose: the kinds accepted and the size limit. */
export type UploadRules = { accept: string; hint: string; maxBytes: number };

/** The upload form's rules for a configured size limit. */
export const uploadRules = (maxBytes: number): UploadRules => ({
  accept: chooserAccept(),
  hint: `${ACCEPTED_SUMMARY}, up to ${humanSize(maxBytes)} each`,
  maxBytes,
});
