import type { Actor, Anonymous } from '../../../domain/policy/actor.ts';
import type { StoredAchievement } from '../../../store/achievements.ts';
import { addAchievement, listAchievements, loadForChange } from '../achievements.ts';
import { type AttachmentSummary, attachmentsOf } from '../attachments.ts';
import type { PortfolioDeps } from '../deps.ts';
import { awardHltaStatus, type HltaStanding, readHltaStanding, recordExternalHltaStatus } from '../hlta-status.ts';
import { type FormOutcome, savedOrPage } from './outcome.ts';

type Listed = Awaited<ReturnType<typeof listAchievements>>;

/** The achievements page: what the person holds (with files), credits, flags, their HLTA standing, and what the actor may do. */
export type AchievementsPage = Listed & {
  files: Map<string, AttachmentSummary[]>;
  hlta: HltaStanding;
};

/** The achievements page (anyone who may read the portfolio). */
export const achievementsPage = async (deps: PortfolioDeps, actor: Actor | Anonymous, personId: string): Promise<AchievementsPage> => {
  const list = await listAchievements(deps, actor, personId);
  const hlta = await readHltaStanding(deps, actor, personId);
  const owners = [...list.achievements.map((a) => a.id), ...(hlta.external ? [hlta.external.id] : [])];
  const files = await attachmentsOf(deps.db, list.person.trustId, 'achievement', owners);
  return { ...list, files, hlta };
};

/** The add-achievement form's page: whose record it is (for those who may change it). */
export const newAchievementPage = async (deps: PortfolioDeps, actor: Actor | Anonymous, personId: string) => {
  const subject = await loadForChange(deps, actor, personId);
  return { person: { id: subject.id, name: subject.name } };
};

/** Records an achievement, or the form's page to show the refusal on. */
export const addAchievementOnPage = (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  input: unknown,
): Promise<FormOutcome<StoredAchievement, Awaited<ReturnType<typeof newAchievementPage>>>> =>
  savedOrPage(
    () => addAchievement(deps, actor, personId, input),
    () => newAchievementPage(deps, actor, personId),
  );

/** The headteacher awards HLTA status, or the achievements page to show the refusal on. */
export const awardHltaStatusOnPage = (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  input: { awardedOn: string },
): Promise<FormOutcome<StoredAchievement, AchievementsPage>> =>
  savedOrPage(
    () => awardHltaStatus(deps, actor, personId, input),
    () => achievementsPage(deps, actor, personId),
  );

/** Records HLTA status gained by external assessment, or the achievements page to show the refusal on. */
export const recordExternalHltaStatusOnPage = (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  input: Parameters<typeof recordExternalHltaStatus>[3],
): Promise<FormOutcome<StoredAchievement, AchievementsPage>> =>
  savedOrPage(
    () => recordExternalHltaStatus(deps, actor, personId, input),
    () => achievementsPage(deps, actor, personId),
  );
