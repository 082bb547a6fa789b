import { enrolments } from '../../store/apprenticeships/enrolments.ts';
import type { DashboardScope } from '../../store/insight/dashboard.ts';
import { dashboardProgressStore } from '../../store/insight/dashboard-progress.ts';
import { rowsOf as caseloadRowsOf } from '../apprenticeships/caseload.ts';
import type { DashboardDeps } from './dashboard-scope.ts';

/**
 * Gateway to Completion on the workforce dashboard: of the staff in scope whose latest enrolment is
 * on programme, those ready for the gateway as its readiness works it out, through the caseload's
 * batch computation (the same figures as the caseload and the enrolment page, a few queries for all).
 */

export type GatewayFigures = { onProgramme: number; ready: number };

/** Staff on programme and those of them ready for Gateway to Completion, with who they are (for the list). */
export const gatewayReadiness = async (
  deps: DashboardDeps,
  scope: DashboardScope,
  today: string,
): Promise<GatewayFigures & { readyPersonIds: string[]; readyEnrolments: { personId: string; enrolmentId: string }[] }> => {
  const latest = await dashboardProgressStore(deps.db).latestEnrolments(scope, today, ['on_programme']);
  if (latest.length === 0) return { onProgramme: 0, ready: 0, readyPersonIds: [], readyEnrolments: [] };
  const ids = new Set(latest.map((l) => l.enrolmentId));
  const list = (await enrolments(deps.db).listForPeople(latest.map((l) => l.personId))).filter((e) => ids.has(e.id));
  const ready = (await caseloadRowsOf(deps, list)).filter((r) => r.gateway.state === 'ready');
  return {
    onProgramme: list.length,
    ready: ready.length,
    readyPersonIds: ready.map((r) => r.personId),
    readyEnrolments: ready.map((r) => ({ personId: r.personId, enrolmentId: r.enrolmentId })),
  };
};
