import type { Row } from './permission-matrix-row.ts';

/**
 * The permission matrix's rows for the training-needs analysis (see permission-matrix.test.ts for the
 * legend). No path names a record: each admin's analysis opens on their own scope (the trust, or their
 * school), so the other side asks the same question. The plan pages and the API's plan answer "not
 * found" to an admin for the empty cohort the matrix sends (loose), and refuse everyone else first.
 */
export const insightTrainingNeedsRows: Row[] = [
  ['GET /insight/training-needs', 'T S', 'T S'],
  ['GET /insight/training-needs/export.:format', 'T S', 'T S'],
  ['GET /insight/training-needs/plan', 'T S', 'T S', { loose: true }],
  ['POST /insight/training-needs/plan', 'T S', 'T S', { loose: true }],
  ['GET /api/insight/training-needs', 'T S', 'T S'],
  [
    'POST /api/insight/training-needs/cohorts',
    'T S',
    'T S',
    { loose: true, body: '{"need":"item:HLTA.1","personIds":["00000000-0000-4000-8000-000000000000"]}' },
  ],
];
