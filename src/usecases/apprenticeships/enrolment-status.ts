import { StatusChangeInput } from '../../contracts/apprenticeships/enrolment.ts';
import { AppError } from '../../contracts/errors.ts';
import { detailsFromZod } from '../../contracts/zod-issues.ts';
import { type GatewayCheck, planStatusChange, statusNames } from '../../domain/apprenticeships/enrolment-status.ts';
import type { GatewayReadiness } from '../../domain/apprenticeships/gateway.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { enrolments } from '../../store/apprenticeships/enrolments.ts';
import { audit } from '../../store/audit.ts';
import { signedInUser } from '../people/scope.ts';
import { type ApprenticeshipDeps, newIdOf, todayOf } from './deps.ts';
import { loadEnrolment, unknownEnrolment } from './enrolments.ts';
import { readinessOf } from './gateway.ts';

/** What the status rules need of the readiness: the unmet items with their next actions, or why there is none. */
const gatewayCheckOf = (readiness: GatewayReadiness): GatewayCheck =>
  readiness.applies
    ? { applies: true, unmet: readiness.items.filter((i) => !i.met).map((i) => ({ label: i.label, nextActions: i.nextActions })) }
    : { applies: false, reason: readiness.reason };

/**
 * Records a status change (enrolment.recordStatus: the employer's admins or the provider's assessor)
 * by the rules of domain/apprenticeships/enrolment-status.ts, on the way to completion: on programme
 * → at Gateway to Completion → in apprenticeship assessment → completed with its grade. "At Gateway to
 * Completion" is refused while the readiness checked today is not ready, with every unmet item and
 * its next action; nothing is written then. One transaction with its audit event.
 */
export const recordStatusChange = async (deps: ApprenticeshipDeps, actor: Actor | Anonymous, id: string, input: unknown): Promise<void> => {
  const user = signedInUser(actor);
  const enrolment = await loadEnrolment(deps, actor, id, 'enrolment.recordStatus');
  const parsed = StatusChangeInput.safeParse(input);
  if (!parsed.success) throw new AppError('validation', 'Check the status change', detailsFromZod(parsed.error));
  const now = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    const store = enrolments(trx);
    const locked = await store.lock(enrolment.trustId, enrolment.id);
    if (!locked) throw unknownEnrolment();
    const history = await store.history(enrolment.trustId, enrolment.id);
    const latest =
      history
        .map((h) => h.effectiveTo ?? h.effectiveFrom)
        .sort()
        .at(-1) ?? enrolment.startDate;
    // Gateway to Completion only once ready: the readiness as it stands in this transaction.
    const current = parsed.data.status === 'at_gateway' ? await store.get(enrolment.id) : undefined;
    const gateway = current ? gatewayCheckOf(await readinessOf({ ...deps, db: trx }, current)) : undefined;
    const result = planStatusChange(
      {
        current: locked.status,
        startDate: enrolment.startDate,
        latestEffectiveFrom: latest,
        today: todayOf(deps),
        ...(gateway ? { gateway } : {}),
      },
      {
        status: parsed.data.status,
        effectiveFrom: parsed.data.effectiveFrom,
        effectiveTo: parsed.data.effectiveTo ?? null,
        grade: parsed.data.grade,
        reason: parsed.data.reason,
      },
    );
    if (!result.ok) throw new AppError('validation', 'Check the status change', result.problems);
    if (result.plan.closesBreakOn) await store.closeOpenBreak(enrolment.trustId, enrolment.id, result.plan.closesBreakOn);
    await store.insertStatusChange({
      id: newIdOf(deps),
      trustId: enrolment.trustId,
      enrolmentId: enrolment.id,
      status: parsed.data.status,
      effectiveFrom: parsed.data.effectiveFrom,
      effectiveTo: result.plan.effectiveTo,
      grade: parsed.data.grade,
      reason: parsed.data.reason,
      recordedBy: user.userId,
      at: now,
    });
    if (result.plan.newStatus !== locked.status) await store.setStatus(enrolment.trustId, enrolment.id, result.plan.newStatus, now);
    await audit(trx, deps.auditKey).record({
      trustId: enrolment.trustId,
      actor: user.userId,
      action: 'enrolment.statusChanged',
      entity: 'person',
      entityId: enrolment.personId,
      data: {
        enrolmentId: enrolment.id,
        status: parsed.data.status,
        statusName: statusNames[parsed.data.status].toLowerCase(),
        before: { status: locked.status },
        after: {
          status: result.plan.newStatus,
          effectiveFrom: parsed.data.effectiveFrom,
          effectiveTo: result.plan.effectiveTo,
          grade: parsed.data.grade,
        },
      },
      requestId: deps.requestId ?? null,
    });
  });
};
