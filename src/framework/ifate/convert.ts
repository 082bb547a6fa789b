import type { Association, CompetencyItem, Framework, Provenance } from '../schema.ts';
import type { IfateStandard } from './ifate-schema.ts';

/** The framework id of an imported standard version: `st0454-v1.1`. */
export const importedFrameworkId = (referenceNumber: string, version: string): string =>
  `${referenceNumber.toLowerCase()}-v${version}`.replace(/[^a-z0-9.-]/g, '-');

/** The role id derived from the occupation's title and level: "Teaching assistant", 3 → `TEACHING_ASSISTANT_L3`. */
export const importedRoleId = (title: string, level: number): string => {
  const words = title
    .replace(/^L\d+\s*:\s*/i, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return `${/^[A-Z]/.test(words) ? words : `STANDARD_${words}`}_L${level}`;
};

const statusOf = (status: string | undefined): Framework['status'] => {
  const s = (status ?? '').toLowerCase();
  if (s.includes('retired') || s.includes('withdrawn')) return 'closed';
  if (s.includes('development') || s.includes('proposal')) return 'in-development';
  return 'current';
};

/** Compares dotted version numbers numerically (1.10 is newer than 1.9). */
export const compareVersions = (a: string, b: string): number => {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
};

/**
 * Converts a parsed standard to a Pathways framework shaped like ST1414: groups for duties and
 * K/S/B, display codes derived from list position as the published service does (`ST0454.K1`,
 * `ST0454.D3`), the occupation as a role with its options (`O1`, `O2`… by position), the standard
 * as a qualification, and the gateway rule "all KSBs met". A KSB mapped only from option duties is
 * scoped to those options, with the reason recorded in `inferred`; every other KSB is core.
 */
export const convertIfateStandard = (standard: IfateStandard): Framework => {
  const ref = standard.referenceNumber.toUpperCase();
  const id = importedFrameworkId(ref, standard.version);
  const provenance: Provenance = { origin: 'import', format: 'ifate', reference: `${ref} version ${standard.version}` };
  const hasOptions = standard.options.length > 0;
  const optionIdOf = new Map(standard.options.map((o, i) => [o.optionId.toLowerCase(), `O${i + 1}`]));
  const codeOf = new Map<string, string>();
  standard.knowledges.forEach((k, i) => {
    codeOf.set(k.knowledgeId.toLowerCase(), `${ref}.K${i + 1}`);
  });
  standard.skills.forEach((s, i) => {
    codeOf.set(s.skillId.toLowerCase(), `${ref}.S${i + 1}`);
  });
  standard.behaviours.forEach((b, i) => {
    codeOf.set(b.behaviourId.toLowerCase(), `${ref}.B${i + 1}`);
  });

  /** A duty is an option duty when the standard has options, the duty is not core and it names its options. */
  const duties = standard.duties.map((duty, i) => {
    const options = hasOptions && !duty.isThisACoreDuty ? duty.mappedOptions.map((o) => optionIdOf.get(o.toLowerCase()) ?? o) : [];
    return { duty, code: `${ref}.D${i + 1}`, options };
  });
  const hasOptionDuties = duties.some((d) => d.options.length > 0);

  /** For each KSB: mapped by a core duty (core), or by option duties only (scoped to their options). */
  const scope = new Map<string, { core: boolean; options: Set<string>; duties: string[] }>();
  for (const { duty, code, options } of duties) {
    for (const ksb of [...duty.mappedKnowledge, ...duty.mappedSkills, ...duty.mappedBehaviour]) {
      const key = ksb.toLowerCase();
      const entry = scope.get(key) ?? { core: false, options: new Set<string>(), duties: [] };
      if (options.length === 0) entry.core = true;
      for (const option of options) entry.options.add(option);
      entry.duties.push(code.slice(ref.length + 1));
      scope.set(key, entry);
    }
  }
  const ksbItem = (guid: string, kind: 'knowledge' | 'skill' | 'behaviour', text: string, parent: string): CompetencyItem => {
    const s = scope.get(guid.toLowerCase());
    const optionScoped = s && !s.core && s.options.size > 0;
    return {
      code: codeOf.get(guid.toLowerCase()) ?? guid,
      kind,
      text,
      parent,
      provenance,
      ...(optionScoped
        ? {
            options: [...s.options].sort(),
            inferred: `Scoped to option(s) ${[...s.options].sort().join(', ')} because only option duties (${s.duties.join(', ')}) map it; derived from the standard's duty mapping.`,
          }
        : {}),
    };
  };

  const group = (suffix: string, text: string): CompetencyItem => ({ code: `${ref}.${suffix}`, kind: 'group', text, provenance });
  const items: CompetencyItem[] = [
    group('core-duties', hasOptionDuties ? 'Core duties' : 'Duties'),
    ...(hasOptionDuties ? [group('option-duties', 'Option duties')] : []),
    group('knowledge', 'Knowledge'),
    group('skills', 'Skills'),
    group('behaviours', 'Behaviours'),
    ...duties.map(
      ({ duty, code, options }): CompetencyItem => ({
        code,
        kind: 'duty',
        text: duty.dutyDetail,
        parent: options.length > 0 ? `${ref}.option-duties` : `${ref}.core-duties`,
        ...(options.length > 0 ? { options } : {}),
        provenance,
      }),
    ),
    ...standard.knowledges.map((k) => ksbItem(k.knowledgeId, 'knowledge', k.detail, `${ref}.knowledge`)),
    ...standard.skills.map((s) => ksbItem(s.skillId, 'skill', s.detail, `${ref}.skills`)),
    ...standard.behaviours.map((b) => ksbItem(b.behaviourId, 'behaviour', b.detail, `${ref}.behaviours`)),
  ];

  /** The duty → KSB mapping of the standard, kept as `isRelatedTo` edges from each duty. */
  const associations: Association[] = duties.flatMap(({ duty, code }) =>
    [...duty.mappedKnowledge, ...duty.mappedSkills, ...duty.mappedBehaviour].map(
      (ksb): Association => ({
        type: 'isRelatedTo',
        from: code,
        to: codeOf.get(ksb.toLowerCase()) ?? ksb,
        note: 'duty mapping',
        provenance,
      }),
    ),
  );

  const title = standard.title.trim();
  const roleId = importedRoleId(title, standard.level);
  const jobTitles = standard.typicalJobTitles.length > 0 ? { typicalJobTitles: { items: standard.typicalJobTitles, provenance } } : {};
  const overview = standard.overviewOfRole?.trim();
  return {
    id,
    title: `${title} (${ref}, Level ${standard.level})`,
    publisher: 'Skills England (formerly the Institute for Apprenticeships and Technical Education)',
    version: standard.version,
    status: statusOf(standard.status),
    nations: ['England'],
    description: `Apprenticeship standard ${ref} version ${standard.version}, Level ${standard.level} ${title}, imported from the Skills England apprenticeship-standards API: ${standard.duties.length} duties, ${standard.knowledges.length} knowledge statements, ${standard.skills.length} skills and ${standard.behaviours.length} behaviours, typically ${standard.typicalDuration} months.`,
    provenance,
    notes: [
      {
        kind: 'inference',
        text: 'The display codes (K1, S1, B1, D1) and option ids (O1, O2…) are derived from the position of each entry in the imported lists, as the published service numbers them.',
        provenance,
      },
    ],
    items,
    roles: [
      {
        id: roleId,
        title,
        track: roleId.toLowerCase().replaceAll('_', '-'),
        level: { value: standard.level, provenance },
        ...(overview ? { purpose: { text: overview, provenance } } : {}),
        nations: ['England'],
        ...jobTitles,
        ...(hasOptions ? { options: standard.options.map((o, i) => ({ id: `O${i + 1}`, title: o.title, provenance })) } : {}),
        relevantQualifications: [{ qualification: ref, relation: 'working-towards', provenance }],
        provenance,
      },
    ],
    qualifications: [
      {
        id: ref,
        title: `${title} (Level ${standard.level} apprenticeship standard)`,
        scheme: 'apprenticeship-standard',
        kind: 'apprenticeship',
        level: standard.level,
        durationMonths: { value: standard.typicalDuration, provenance },
        ...jobTitles,
        provenance,
      },
    ],
    associations,
    requirements: [
      {
        id: `${id}-ksbs`,
        target: ref,
        stage: 'gateway',
        provenance,
        requirement: {
          type: 'itemsMet',
          set: { framework: id, kinds: ['knowledge', 'skill', 'behaviour'] },
          strength: 'required',
          label: 'All the knowledge, skills and behaviours of the core and your chosen option are met',
          action: 'gather evidence for the KSBs not yet met and ask your assessor to review it',
        },
      },
    ],
  };
};
