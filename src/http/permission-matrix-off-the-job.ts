import type { Row } from './permission-matrix-row.ts';

/**
 * The permission matrix's rows for an enrolment's off-the-job log, progress reviews and KSB
 * coverage, written by hand (see permission-matrix.test.ts for the legend). `:id` is the enrolment
 * of the staff member who reports to the line manager (permission-matrix-apprenticeships.ts); the
 * matrix's assessor (X) is not an assessor of that enrolment's provider, so the provider's own
 * actions (approving hours, planning a review, signing as the provider) are allowed to nobody here:
 * the use-case tests cover the provider's assessor and another provider's.
 */
export const offTheJobRows: Row[] = [
  // Everyone who may read the enrolment reads its off-the-job log, reviews and coverage.
  ['GET /enrolments/:id/off-the-job', 'T S L F', '-'],
  ['GET /enrolments/:id/reviews', 'T S L F', '-'],
  ['GET /enrolments/:id/coverage', 'T S L F', '-'],
  // The apprentice logs their own training (and changes it until approved); the provider approves it.
  ['POST /enrolments/:id/off-the-job', 'F', '-'],
  ['GET /enrolments/:id/off-the-job/:entryId', 'T S L F', '-', { loose: true }],
  ['POST /enrolments/:id/off-the-job/:entryId', 'F', '-', { loose: true }],
  ['POST /enrolments/:id/off-the-job/:entryId/decision', '-', '-', { loose: true }],
  ['POST /enrolments/:id/off-the-job/evidence-time', 'F', '-'],
  // Reviews: the provider plans; the apprentice (F) and the employer (L, S) comment, agree actions and sign.
  ['POST /enrolments/:id/reviews', '-', '-'],
  ['POST /enrolments/:id/reviews/:reviewId/comments', 'S L F', '-', { loose: true }],
  ['POST /enrolments/:id/reviews/:reviewId/actions', 'S L F', '-', { loose: true }],
  ['POST /enrolments/:id/reviews/:reviewId/sign', 'S L F', '-', { loose: true }],
  // The ILR export is the provider's: any assessor gets their own providers' enrolments (none here).
  ['GET /apprenticeships/otj-act-hours.csv', 'X', 'X'],
  // The API: the same rules (bodies the schema accepts, so the permission check is what answers).
  ['GET /api/enrolments/:id/off-the-job', 'T S L F', '-'],
  [
    'POST /api/enrolments/:id/off-the-job/entries',
    'F',
    '-',
    { body: '{"date":"2025-10-06","hours":1,"activity":"shadowing","description":"Shadowed the SENCo"}' },
  ],
  ['POST /api/enrolments/:id/off-the-job/entries/:entryId/decision', '-', '-', { loose: true, body: '{"decision":"approve"}' }],
];
