import type { Kysely } from 'kysely';
import type { Tables } from '../store/tables.ts';
import type { SeededTrust } from '../testing/two-trusts.ts';
import { seedEnrolment, seedProvider } from '../usecases/apprenticeships/fixtures.ts';
import { type Row, signedIn } from './permission-matrix-row.ts';

/**
 * The permission matrix's rows for apprenticeship enrolments, written by hand like the rest of the
 * table (see permission-matrix.test.ts for the legend). `:id` is an enrolment of the staff member who
 * reports to the line manager, with a training provider; the matrix's assessor (X) holds the role at
 * the school, not at that provider, so they see none of it. The caseload is the assessor's page.
 */
const fields =
  '"providerId":"00000000-0000-4000-8000-000000000000","programme":"ST1414","optionCode":"SEND","startDate":"2025-09-01","contractedHoursPerWeek":30,"ageAtStart":25';
const enrolBody = `{"personId":"00000000-0000-4000-8000-000000000001",${fields}}`;
const fieldsBody = `{${fields}}`;

export const apprenticeshipRows: Row[] = [
  ['GET /enrolments/new', 'T S', 'T S'],
  ['POST /enrolments/new', 'T S', 'T S'],
  ['GET /enrolments/:id', 'T S L F', '-'],
  ['GET /enrolments/:id/edit', 'T S', '-'],
  ['POST /enrolments/:id/edit', 'T S', '-'],
  ['GET /enrolments/:id/status', 'T S', '-'],
  ['POST /enrolments/:id/status', 'T S', '-'],
  ['POST /enrolments/:id/gateway/confirm', 'T S L', '-', { body: 'party=employer' }],
  ['GET /caseload', 'X', 'X'],
  ['GET /caseload/export/:format', 'X', 'X'],
  ['GET /apprentices', 'T S L', 'T S L'],
  ['GET /apprentices/export/:format', 'T S L', 'T S L'],
  // The API. Enrolling names a person in the body (here nobody: 404 past the sign-in gate for everyone signed in).
  ['POST /api/enrolments', signedIn, signedIn, { loose: true, body: enrolBody }],
  ['GET /api/enrolments/:id', 'T S L F', '-'],
  // Past the permission check, these bodies are refused (an unknown provider; a date before the start): 400.
  ['PUT /api/enrolments/:id', 'T S', '-', { body: fieldsBody }],
  ['POST /api/enrolments/:id/status', 'T S', '-', { body: '{"status":"withdrawn","effectiveFrom":"1999-01-01","reason":"matrix"}' }],
  ['POST /api/enrolments/:id/gateway/confirmations', 'T S L', '-', { body: '{"party":"employer"}' }],
  ['GET /api/enrolments/:id/gateway', 'T S L F', '-'],
];

/** Paths whose :id is an enrolment. */
export const enrolmentPath = /^\/(api\/)?enrolments\/:id/;

/** One enrolment per trust, of the staff member who reports to the line manager, with a provider of its own. */
export const seedMatrixEnrolments = async (db: Kysely<Tables>, trusts: { own: SeededTrust; other: SeededTrust }) => {
  const provider = await seedProvider(db, 'matrix');
  const of = (t: SeededTrust) =>
    seedEnrolment(db, { trustId: t.trustId, personId: t.reportId, employerId: t.schoolId, providerId: provider.providerId });
  return { own: await of(trusts.own), other: await of(trusts.other) };
};
