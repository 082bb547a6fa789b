import { AppError } from '../../contracts/errors.ts';
import type { Actor } from '../../domain/policy/actor.ts';
import { normaliseRoleValue } from '../../domain/staff-import/validate.ts';
import { audit } from '../../store/audit.ts';
import { roleValueMappings } from '../../store/role-value-mappings.ts';
import { type StaffImportDeps, schoolToImportInto } from './preview.ts';

/**
 * Remembers a school's own role words ("LSA", "Midday supervisor") against a framework role, or none
 * (null), as soon as someone chooses them: the web wizard's role step and the CLI's `--map` both call
 * this, so the next import of that school, from either, starts from the same choices. Each role must
 * exist in the framework. One audit event lists what changed; choosing again what is remembered writes nothing.
 */
export const rememberRoleValues = async (
  deps: Pick<StaffImportDeps, 'db' | 'auditKey' | 'catalogue' | 'clock' | 'requestId'>,
  actor: Actor,
  schoolId: string,
  choices: Readonly<Record<string, string | null>>,
): Promise<Map<string, string | null>> => {
  const school = await schoolToImportInto(deps, actor, schoolId);
  const problems = Object.entries(choices).flatMap(([word, role]) => {
    if (normaliseRoleValue(word) === '') return [{ where: `"${word}"`, reason: 'a role word cannot be empty' }];
    if (role !== null && deps.catalogue.role(role) === undefined)
      return [
        {
          where: `"${word}"`,
          reason: `"${role}" is not a role of the framework (use a role id such as TA2, or nothing for no graded role)`,
        },
      ];
    return [];
  });
  if (problems.length > 0) throw new AppError('validation', 'Some role words are mapped to roles that do not exist', problems);
  return deps.db.transaction().execute(async (trx) => {
    const store = roleValueMappings(trx);
    const remembered = await store.listBySchool(school.trust_id, school.id);
    const changed = new Map(
      Object.entries(choices)
        .map(([word, role]): [string, string | null] => [normaliseRoleValue(word), role])
        .filter(([word, role]) => remembered.get(word) !== role),
    );
    if (changed.size === 0) return remembered;
    const now = deps.clock();
    await store.upsert(school.trust_id, school.id, changed, now);
    await audit(trx, deps.auditKey).record({
      trustId: school.trust_id,
      actor: actor.userId,
      action: 'organisation.roleValuesRemembered',
      entity: 'organisation',
      entityId: school.id,
      data: {
        before: Object.fromEntries([...changed.keys()].filter((word) => remembered.has(word)).map((word) => [word, remembered.get(word)])),
        after: Object.fromEntries(changed),
      },
      requestId: deps.requestId ?? null,
      occurredAt: now,
    });
    return new Map([...remembered, ...changed]);
  });
};
