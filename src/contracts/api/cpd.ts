import { z } from 'zod';
import { EnteredDate } from '../dates.ts';
import { CpdKind, CpdStatus } from '../portfolio/cpd.ts';

/** Request and response contracts of the CPD log API. Time is in whole minutes. */

export const PersonParams = z.object({ id: z.uuid() });
/** `activityId` is checked after authorization, so a refused caller never learns whether it exists. */
export const ActivityParams = z.object({ id: z.uuid(), activityId: z.string().max(100) });

const isoDate = z.iso.date();

/** An activity as sent; the use-case checks it in full (`CpdInput`: lengths, items, dates). */
export const CpdBody = z.strictObject({
  title: z.string().max(1000),
  provider: z.string().max(1000).nullable().optional(),
  kind: CpdKind,
  status: CpdStatus,
  occurredOn: EnteredDate.nullable().optional(),
  minutes: z.number().int().min(0),
  itemCodes: z.array(z.string().max(100)).max(100).optional(),
  reflection: z.string().max(20_000).optional(),
});

export const CpdDoneBody = z.strictObject({ occurredOn: EnteredDate, minutes: z.number().int().min(0) });
export const CpdSuggestionBody = z.strictObject({ ref: z.string().min(1).max(200) });

export const CpdActivityJson = z.object({
  id: z.uuid(),
  status: CpdStatus,
  title: z.string(),
  provider: z.string().nullable(),
  kind: CpdKind,
  occurredOn: isoDate.nullable(),
  minutes: z.number().int(),
  itemCodes: z.array(z.string()),
  reflection: z.string(),
  suggestedBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const CpdLogJson = z.object({
  person: z.object({ id: z.uuid(), name: z.string(), gradedRole: z.string().nullable() }),
  totals: z.array(z.object({ academicYear: z.string(), minutes: z.number().int() })),
  done: z.array(CpdActivityJson),
  planned: z.array(CpdActivityJson),
  suggestions: z.array(
    z.object({
      ref: z.string(),
      roleId: z.string(),
      roleTitle: z.string(),
      forCurrentRole: z.boolean(),
      text: z.string(),
      plannedActivityId: z.uuid().nullable(),
    }),
  ),
  note: z.string(),
});

export const CreatedJson = z.object({ id: z.uuid() });
export const PlannedJson = z.object({ id: z.uuid(), created: z.boolean() });
