import type nunjucks from 'nunjucks';
import type { Provenance } from '../../framework/schema.ts';
import { publicSource, sourceDocuments } from '../../framework/source-documents.ts';

/**
 * An internal id such as TEACHER_QTS or ASSOCIATE_TEACHER_L5, or one of Pathways' own qualification
 * ids made of words (HE.FOUNDATION-DEGREE, HE.HONOURS-TOP-UP): never shown to the public as a label.
 * Published codes (TA3, HLTA.17, ST1414.K1, OU.E111) have no words joined by hyphens.
 */
const internalId = /^([A-Z][A-Z0-9]+(_[A-Z0-9]+)+|[A-Z]+\.[A-Z0-9]+(-[A-Z0-9]+)+)$/;

/** True when a code is one a reader would recognise (TA3, HLTA.17, ST1414.K1), false for Pathways' internal ids. */
export const isPublicCode = (code: string): boolean => !internalId.test(code);

/** A role's or qualification's label: "TA3: Teaching Assistant Level 3", or the name alone where the code is internal. */
export const labelOf = (code: string, name?: string): string => {
  if (!name || name === code) return isPublicCode(code) ? code : code.toLowerCase().replaceAll('_', ' ');
  return isPublicCode(code) ? `${code}: ${name}` : name;
};

/** Qualification sizes as the data's own titles spell them (CertHE, QTS), not as title-cased ids. */
const sizeNames: Record<string, string> = {
  award: 'Award',
  certificate: 'Certificate',
  diploma: 'Diploma',
  certhe: 'CertHE',
  qts: 'QTS',
  'foundation-degree': 'Foundation Degree',
  'honours-degree': 'Honours degree',
  'ordinary-degree': 'Ordinary degree',
  apprenticeship: 'Apprenticeship',
  'postgraduate-teaching-apprenticeship': 'Postgraduate teaching apprenticeship',
  'teacher-degree-apprenticeship': 'Teacher degree apprenticeship',
  module: 'Module',
};

/** The name of a qualification's size or kind. */
export const sizeName = (kind: string): string => {
  const known = sizeNames[kind];
  if (known) return known;
  const words = kind.replaceAll('-', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** The schemes a qualification belongs to, in words. */
const schemeNames: Record<string, string> = {
  QCF: 'Qualifications and Credit Framework (QCF)',
  RQF: 'Regulated Qualifications Framework (RQF)',
  'higher-education': 'Higher education',
  'apprenticeship-framework': 'Apprenticeship framework',
  'apprenticeship-standard': 'Apprenticeship standard',
  'teacher-training': 'Teacher training',
  other: 'Other',
};

/** The name of a qualification's scheme. */
export const schemeName = (scheme: string): string => schemeNames[scheme] ?? sizeName(scheme);

/** The filters and globals the public pages use to speak in public words. */
export const addPublicWordingFilters = (env: nunjucks.Environment) => {
  env.addFilter('publicSource', (provenance: Provenance | undefined) => (provenance ? publicSource(provenance) : undefined));
  env.addFilter('label', (code: string, name?: string) => labelOf(String(code), name === undefined ? undefined : String(name)));
  env.addFilter('publicCode', (code: string) => (isPublicCode(String(code)) ? String(code) : ''));
  env.addFilter('sizeName', (kind: string) => sizeName(String(kind)));
  env.addFilter('schemeName', (scheme: string) => schemeName(String(scheme)));
  env.addGlobal('sourceDocuments', sourceDocuments);
};
