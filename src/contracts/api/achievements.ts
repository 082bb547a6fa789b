import { z } from 'zod';
import {
  AchievementDetails,
  AchievementInput,
  HltaAwardInput,
  HltaExternalStatusInput,
  PersonFlagsInput,
} from '../portfolio/achievement.ts';

/** Request and response contracts of the achievements API. */

export const PersonParams = z.object({ id: z.string().min(1).max(100) });
export const AchievementParams = z.object({ id: z.string().min(1).max(100), achievementId: z.string().min(1).max(100) });

export const AchievementBody = AchievementInput;
export const FlagsBody = PersonFlagsInput;
export const HltaAwardBody = HltaAwardInput;
export const HltaExternalStatusBody = HltaExternalStatusInput;

export const AchievementRecord = z.object({
  id: z.string(),
  details: AchievementDetails,
  recordedBy: z.string(),
  recordedAt: z.string().describe('ISO 8601 timestamp'),
});

export const Flags = z.object({
  ehcpOrStatement: z.boolean().describe('an education, health and care plan or a legacy statement'),
  bsl: z.boolean().describe('a British Sign Language qualification (primary language BSL)'),
});

export const AchievementList = z.object({
  person: z.object({ id: z.string(), name: z.string() }),
  achievements: z.array(AchievementRecord),
  flags: Flags,
  credits: z
    .array(z.object({ level: z.number().int(), credits: z.number().int(), size: z.string().optional(), sentence: z.string() }))
    .describe('credits at each level or above, with the qualification size they amount to (Award/Certificate/Diploma)'),
});
