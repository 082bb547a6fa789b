import type { Kysely } from 'kysely';
import { addActiveDays, addDays, dayNumber } from '../../domain/apprenticeships/calendar.ts';
import type { Catalogue } from '../../framework/catalogue.ts';
import type { AuditEvent } from '../../store/audit.ts';
import type { Tables } from '../../store/tables.ts';
import type { DemoApprenticeKey, DemoEnrolment } from '../apprenticeships-demo.ts';
import { earlier } from './demo-calendar.ts';

/**
 * What the demo's apprenticeship activity (off-the-job log, KSB evidence, progress reviews, the
 * Associate Teacher's degree and supervision) is written with: the demo transaction, its clock, the
 * user accounts who act, and the audit events collected to be recorded once at the end.
 */

/** The demo user accounts who take part: the apprentices, their employers' people and the provider's assessor. */
export type DemoActivityUsers = Record<DemoApprenticeKey | 'priya' | 'hannah' | 'sarah' | 'assessor', string>;

export type DemoActivityContext = {
  db: Kysely<Tables>;
  trustId: string;
  now: Date;
  /** The clock's day (ISO). */
  today: string;
  catalogue: Catalogue;
  users: DemoActivityUsers;
  newId: () => string;
  /** Audit events of everything written, recorded by the caller (as the real use-cases would record them). */
  events: AuditEvent[];
};

/** A moment on a demo day, in UTC. */
export const at = (date: string, time: string): Date => new Date(`${date}T${time}:00Z`);

/** The days from one ISO date to another. */
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);

/** The last day of the enrolment's practical period, moved on by its breaks in learning. */
export const practicalEnd = (e: Pick<DemoEnrolment, 'startDate' | 'plannedEndDate' | 'breaks'>): string =>
  addActiveDays(e.startDate, daysBetween(e.startDate, e.plannedEndDate), e.breaks) ?? e.plannedEndDate;

/** The latest day of learning the demo can write about: yesterday, or the end of the practical period if earlier. */
export const lastActiveDay = (e: Pick<DemoEnrolment, 'startDate' | 'plannedEndDate' | 'breaks'>, today: string): string => {
  return earlier(practicalEnd(e), addDays(today, -1));
};

/** Whether a date falls in one of the enrolment's breaks in learning. */
export const inBreak = (e: Pick<DemoEnrolment, 'breaks'>, date: string): boolean =>
  e.breaks.some((b) => b.from <= date && (b.to === undefined || date <= b.to));

/** The audit event of a demo change: actor and action as the use-case records them, marked as demo data. */
export const demoEvent = (
  ctx: Pick<DemoActivityContext, 'trustId' | 'now'>,
  actor: string,
  action: AuditEvent['action'],
  entity: string,
  entityId: string,
  data: Record<string, unknown>,
): AuditEvent => ({ trustId: ctx.trustId, actor, action, entity, entityId, data: { ...data, demo: true }, occurredAt: ctx.now });
