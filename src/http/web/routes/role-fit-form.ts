import { dutyClusters } from '../../../domain/duty-clusters.ts';
import { isLeadIn } from '../../../domain/duty-lead-ins.ts';
import { roleProfiles } from '../../../domain/role-fit.ts';
import type { Catalogue } from '../../../framework/catalogue.ts';

/** The role-fit questionnaire: each distinct NJC key duty once, grouped under the first profile that has it. */
export type QuestionGroup = {
  role: string;
  title: string;
  level: number;
  /** `leadIn` is set on the first alternative shown under a lead-in ("…at least one of the following:"), to show before it. */
  duties: { code: string; text: string; alsoIn: string[]; leadIn?: { code: string; text: string } }[];
};

export const FREQUENCIES = ['regularly', 'occasionally', 'never'] as const;

export const questionnaire = (catalogue: Catalogue): QuestionGroup[] => {
  const clusters = dutyClusters(catalogue);
  const profiles = roleProfiles(catalogue);
  const seen = new Set<string>();
  return profiles
    .map((p) => ({
      role: p.role.id,
      title: p.role.title,
      level: p.role.level.value,
      duties: p.duties
        .filter((d) => {
          const cluster = clusters.clusterOf(d.code);
          if (seen.has(cluster)) return false;
          seen.add(cluster);
          return true;
        })
        .map((d, i, shown) => {
          const cluster = clusters.clusterOf(d.code);
          const alsoIn = profiles.filter((o) => o !== p && o.clusters.has(cluster)).map((o) => o.role.id);
          const parent = d.parent ? catalogue.item(d.parent) : undefined;
          const firstUnder = isLeadIn(parent) && shown[i - 1]?.parent !== d.parent;
          return {
            code: d.code,
            text: d.text,
            alsoIn,
            ...(firstUnder && parent ? { leadIn: { code: parent.code, text: parent.text } } : {}),
          };
        }),
    }))
    .filter((g) => g.duties.length > 0);
};

/** The duty answers in a posted questionnaire (fields named `duty:<code>`). */
export const answersFromForm = (body: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(body)
      .filter(([key, value]) => key.startsWith('duty:') && typeof value === 'string')
      .map(([key, value]) => [key.slice('duty:'.length), String(value)]),
  );
