import { programmes } from '../../domain/apprenticeships/programme.ts';
import { headteacherStatuses } from '../../domain/hlta-award.ts';
import type { Catalogue } from '../../framework/catalogue.ts';

/** A competency item the generated staff are judged against, with the cluster it belongs to. */
export type JudgedItem = { code: string; text: string; cluster: string };

/** A graded role as the generator needs it: its duties, and the role above it on its track. */
export type GradedRole = { id: string; title: string; duties: readonly string[]; next: string | null; cpd: readonly string[] };

/** A qualification the proportions may name: how it is recorded as an achievement. */
export type QualificationFacts = { id: string; title: string; scheme: string; kind: string; level: number; credits: number | null };

/**
 * The parts of the catalogue the workforce generator reads, taken once: the items judged (the HLTA
 * standards and the ST1414 knowledge, skills and behaviours, clustered by their parent group), the
 * graded roles of the NJC profiles with their duties, and the qualifications.
 */
export type WorkforceCatalogue = {
  items: readonly JudgedItem[];
  clusters: ReadonlyMap<string, readonly JudgedItem[]>;
  roles: ReadonlyMap<string, GradedRole>;
  qualifications: ReadonlyMap<string, QualificationFacts>;
  /** Programmes apprentices can be enrolled on: their options and typical length in months. */
  programmes: ReadonlyMap<string, { id: string; options: readonly string[]; typicalMonths: number | null }>;
  /** The status a headteacher awards (HLTA status), and the items it needs met. */
  hltaStatus: { id: string; items: readonly string[] } | null;
};

/** The frameworks whose items staff are judged against, and the item kinds taken from each. */
const JUDGED = [
  { framework: 'hlta-standards', kinds: ['standard'] },
  { framework: 'st1414', kinds: ['knowledge', 'skill', 'behaviour'] },
] as const;

/** The framework whose roles are the graded posts (TA1–TA5, ASNA1–ASNA3). */
const GRADED_FRAMEWORK = 'njc-role-profiles';

/** Reads the generator's view of a catalogue (pure: the catalogue is in memory and read-only). */
export const workforceCatalogueOf = (catalogue: Catalogue): WorkforceCatalogue => {
  const items: JudgedItem[] = [];
  for (const { framework, kinds } of JUDGED) {
    for (const item of catalogue.items({ framework })) {
      if (!(kinds as readonly string[]).includes(item.kind)) continue;
      items.push({ code: item.code, text: item.text, cluster: item.parent ?? framework });
    }
  }
  const clusters = new Map<string, JudgedItem[]>();
  for (const item of items) clusters.set(item.cluster, [...(clusters.get(item.cluster) ?? []), item]);

  const graded = catalogue.roles().filter((r) => r.framework.id === GRADED_FRAMEWORK);
  const roles = new Map<string, GradedRole>();
  for (const { role } of graded) {
    const above = graded
      .map((r) => r.role)
      .filter((r) => r.track === role.track && r.level.value > role.level.value)
      .sort((a, b) => a.level.value - b.level.value)[0];
    const duties = catalogue
      .items({ framework: GRADED_FRAMEWORK, kind: 'duty' })
      .filter((d) => d.parent === role.id)
      .map((d) => d.code);
    roles.set(role.id, { id: role.id, title: role.title, duties, next: above?.id ?? null, cpd: role.cpdSuggestions?.items ?? [] });
  }
  const qualifications = new Map<string, QualificationFacts>();
  for (const { qualification } of catalogue.qualifications()) {
    qualifications.set(qualification.id, {
      id: qualification.id,
      title: qualification.title,
      scheme: qualification.scheme,
      kind: qualification.kind,
      level: typeof qualification.level === 'number' ? qualification.level : 0,
      credits: qualification.credits ?? null,
    });
  }
  const status = headteacherStatuses(catalogue)[0];
  const hltaItems = items.filter((i) => i.code.startsWith('HLTA.')).map((i) => i.code);
  const enrollable = new Map(
    programmes(catalogue).map((p) => [p.id, { id: p.id, options: p.options.map((o) => o.id), typicalMonths: p.typicalMonths }]),
  );
  return {
    items,
    clusters,
    roles,
    qualifications,
    programmes: enrollable,
    hltaStatus: status ? { id: status.id, items: hltaItems } : null,
  };
};
