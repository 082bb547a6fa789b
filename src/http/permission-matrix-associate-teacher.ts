import type { Kysely } from 'kysely';
import type { Tables } from '../store/tables.ts';
import type { SeededTrust } from '../testing/two-trusts.ts';
import { seedEnrolment, seedProvider } from '../usecases/apprenticeships/fixtures.ts';
import type { Row } from './permission-matrix-row.ts';

/**
 * The permission matrix's rows for the Associate Teacher programme and supervision (see
 * permission-matrix.test.ts for the legend). `/enrolments/:id/associate-teacher…` takes an Associate
 * Teacher enrolment of the staff member who reports to the line manager; its provider's assessor is
 * not the matrix's assessor (X), so nobody in the matrix may record modules. `/people/:id/supervision`
 * takes that staff member as the supervisor; nobody in the matrix supervises them, so nobody may decide
 * their evidence as a supervisor.
 */
export const associateTeacherRows: Row[] = [
  ['GET /enrolments/:id/associate-teacher', 'T S L F', '-'],
  ['GET /enrolments/:id/associate-teacher/modules/new', '-', '-'],
  ['POST /enrolments/:id/associate-teacher/modules/new', '-', '-'],
  ['GET /enrolments/:id/associate-teacher/modules/:moduleId', '-', '-'],
  ['POST /enrolments/:id/associate-teacher/modules/:moduleId', '-', '-'],
  // Recording whom an Associate Teacher supervises: the school's admin and the Associate Teacher's line manager.
  ['GET /people/:id/supervision', 'S L', '-'],
  // Past the gate, a supervisee nobody knows is not found.
  ['POST /people/:id/supervision', 'S L', '-', { loose: true, body: 'superviseeId=00000000-0000-4000-8000-000000000001' }],
  ['POST /people/:id/supervision/:linkId/end', 'S L', '-', { loose: true }],
  // Whether supervisors may decide is the school's setting: its admin only.
  ['POST /people/:id/supervision/setting', 'S', '-', { body: 'supervisorsDecide=yes' }],
  // The supervision queue is for those who supervise someone: nobody in the matrix does.
  ['GET /supervision', '-', '-'],
  ['GET /supervision/people/:id/evidence/:evidenceId', '-', '-'],
  ['POST /supervision/people/:id/evidence/:evidenceId', '-', '-', { body: 'decisions[ST1414.K1]=accepted' }],
];

/** Paths whose :id is an Associate Teacher enrolment. */
export const associateTeacherPath = /^\/enrolments\/:id\/associate-teacher/;

/** One Associate Teacher enrolment per trust, of the staff member who reports to the line manager. */
export const seedMatrixAssociateTeacherEnrolments = async (db: Kysely<Tables>, trusts: { own: SeededTrust; other: SeededTrust }) => {
  const provider = await seedProvider(db, 'matrix-at');
  const of = (t: SeededTrust) =>
    seedEnrolment(db, {
      trustId: t.trustId,
      personId: t.reportId,
      employerId: t.schoolId,
      providerId: provider.providerId,
      programme: { id: 'AT.APPRENTICESHIP', optionCode: null },
    });
  return { own: await of(trusts.own), other: await of(trusts.other) };
};
