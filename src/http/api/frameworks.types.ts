import { z } from 'zod';
import { limits } from '../../contracts/config.ts';
import { CFPackage } from '../../framework/case/case-schema.ts';
import {
  CompetencyItem,
  Framework,
  FrameworkStatus,
  ItemKind,
  Qualification,
  QualificationLevel,
  RequirementRule,
  Role,
} from '../../framework/schema.ts';

/** Request and response contracts of the framework API (public reference data). */

export const FrameworkSummary = z.object({
  id: z.string(),
  title: z.string(),
  publisher: z.string(),
  version: z.string(),
  status: FrameworkStatus,
  origin: z.enum(['built-in', 'import']),
  replacedBy: z.string().nullable(),
  counts: z.object({ items: z.number().int(), roles: z.number().int(), qualifications: z.number().int() }),
});

export const FrameworkList = z.object({ frameworks: z.array(FrameworkSummary) });
export const FrameworkDetail = z.object({ summary: FrameworkSummary, framework: Framework });

export const FrameworkParams = z.object({ id: z.string().min(1).max(100) });
export const CodeParams = z.object({ id: z.string().min(1).max(100) });

export const RoleDetail = z.object({
  role: Role,
  framework: z.object({ id: z.string(), title: z.string() }),
  duties: z.array(CompetencyItem),
  leadIns: z.array(CompetencyItem).describe('the lead-ins ("…at least one of the following:") that introduce some of the duties'),
  requirements: z.array(RequirementRule),
  relevantQualifications: z.array(
    z.object({
      relation: z.string(),
      qualification: z.object({ id: z.string(), title: z.string(), level: QualificationLevel }),
      requirements: z.array(RequirementRule),
    }),
  ),
  precedes: z.array(
    z.object({ to: z.string(), title: z.string(), type: z.string(), strength: z.string().nullable(), note: z.string().nullable() }),
  ),
});

export const itemPageLimits = { default: 50, max: 500 } as const;

export const ItemsQuery = z.object({
  framework: z.string().min(1).max(100).optional(),
  kind: ItemKind.optional(),
  q: z.string().max(limits.searchQueryLength).optional(),
  limit: z.coerce.number().int().min(1).max(itemPageLimits.max).default(itemPageLimits.default),
  offset: z.coerce.number().int().min(0).default(0),
});

export const ItemPage = z.object({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  items: z.array(CompetencyItem.extend({ framework: z.string() })),
});

export const QualificationDetail = z.object({
  qualification: Qualification,
  framework: z.object({ id: z.string(), title: z.string() }),
  requirements: z.array(RequirementRule),
});

export const CasePackage = CFPackage;
export const CaseExportQuery = z.object({ caseVersion: z.enum(['1.0', '1.1']).default('1.1') });
