import type { SupervisionRule } from '../../framework/associate-teacher-rules.ts';

/**
 * Who may supervise whom (rules as data: an Associate Teacher supervises, coaches or mentors Level
 * 3 and 4 colleagues): the supervisor holds a supervising role or is on the Associate Teacher
 * programme; the supervisee's graded role is at one of the rule's levels; both work at the same
 * school, and nobody supervises themselves.
 */

export type SupervisionParty = {
  personId: string;
  organisationId: string;
  gradedRole: string | null;
  /** The level of the graded role in the catalogue, if it has one. */
  roleLevel: number | null;
  /** On the Associate Teacher programme (an enrolment that has not ended). */
  onProgramme: boolean;
  left: boolean;
};

export type SupervisionProblem = { where: 'supervisor' | 'superviseeId'; reason: string };

/** Whether this link can be recorded; the problems in words, each naming the field it is about. */
export const supervisionProblems = (
  rule: SupervisionRule,
  supervisor: SupervisionParty,
  supervisee: SupervisionParty,
  supervisorRoleTitles: readonly string[],
): SupervisionProblem[] => {
  const problems: SupervisionProblem[] = [];
  if (supervisor.left) problems.push({ where: 'supervisor', reason: 'This Associate Teacher has left the school' });
  if (!supervisor.onProgramme && !(supervisor.gradedRole !== null && rule.supervisorRoles.includes(supervisor.gradedRole)))
    problems.push({
      where: 'supervisor',
      reason: `Only an ${supervisorRoleTitles.join(' or ')} (or an apprentice on the programme) supervises colleagues`,
    });
  if (supervisee.personId === supervisor.personId)
    problems.push({ where: 'superviseeId', reason: 'Nobody supervises themselves: choose a colleague' });
  else {
    if (supervisee.left) problems.push({ where: 'superviseeId', reason: 'This colleague has left the school' });
    if (supervisee.organisationId !== supervisor.organisationId)
      problems.push({ where: 'superviseeId', reason: 'The colleague works at another school' });
    if (supervisee.roleLevel === null || !rule.superviseeLevels.includes(supervisee.roleLevel))
      problems.push({
        where: 'superviseeId',
        reason: `An Associate Teacher supervises Level ${rule.superviseeLevels.join(' and ')} colleagues; this colleague’s role is ${
          supervisee.roleLevel === null ? 'not on a level' : `at level ${supervisee.roleLevel}`
        }`,
      });
  }
  return problems;
};
