import { z } from 'zod';

/** Request and response contracts of the portfolio overview, HLTA preparation and export API. */

export const PortfolioPersonParams = z.object({ id: z.uuid() });

export const PortfolioOverviewBody = z.object({
  person: z.object({ id: z.string(), name: z.string() }),
  academicYear: z.string(),
  sets: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      total: z.number().int(),
      met: z.number().int(),
      developing: z.number().int(),
      notStarted: z.number().int(),
    }),
  ),
  next: z.array(z.object({ text: z.string(), href: z.string() })),
  counts: z.object({
    evidenceDrafts: z.number().int(),
    evidenceAwaitingDecision: z.number().int(),
    evidenceReturned: z.number().int(),
    cpdMinutesInYear: z.number().int(),
    trainingExpired: z.number().int(),
    trainingExpiringSoon: z.number().int(),
    reviewStage: z.string().nullable(),
  }),
});

const Document = z.object({ evidenceId: z.string(), title: z.string(), kind: z.string(), occurredOn: z.string(), label: z.string() });

export const HltaPreparationBody = z.object({
  person: z.object({ id: z.string(), name: z.string() }),
  ready: z.boolean(),
  entry: z.object({ met: z.boolean(), label: z.string(), reasons: z.array(z.string()) }),
  rules: z.object({ min: z.number().int(), max: z.number().int() }),
  problems: z.array(z.string()),
  warnings: z.array(z.string()).describe('advice that does not hold the file back'),
  standards: z.array(
    z.object({
      code: z.string(),
      number: z.number().int(),
      status: z.enum(['missing', 'few', 'ok', 'too-many']),
      documents: z.array(Document),
      candidates: z.array(z.object({ evidenceId: z.string(), title: z.string() })),
    }),
  ),
});

/** The published JSON Schema document (draft 2020-12). */
export const JsonSchemaDocument = z.record(z.string(), z.unknown());
