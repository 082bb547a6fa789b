/** The groups an engagement's audience can hold, as the issue lists them. */
export const audienceGroups = ['pupils', 'teachers', 'trainee_teachers', 'governors', 'parents'] as const;
export type AudienceGroup = (typeof audienceGroups)[number];

export const audienceGroupNames: Record<AudienceGroup, string> = {
  pupils: 'Pupils',
  teachers: 'Teachers',
  trainee_teachers: 'Trainee and early-career teachers',
  governors: 'Governors',
  parents: 'Parents',
};

/** The words people write for each group in an import file's `audience` column. */
const synonyms: Record<string, AudienceGroup> = {
  pupils: 'pupils',
  pupil: 'pupils',
  students: 'pupils',
  children: 'pupils',
  teachers: 'teachers',
  teacher: 'teachers',
  staff: 'teachers',
  trainees: 'trainee_teachers',
  'trainee teachers': 'trainee_teachers',
  'trainee and early-career teachers': 'trainee_teachers',
  'early-career teachers': 'trainee_teachers',
  ects: 'trainee_teachers',
  ect: 'trainee_teachers',
  nqts: 'trainee_teachers',
  governors: 'governors',
  governor: 'governors',
  trustees: 'governors',
  parents: 'parents',
  carers: 'parents',
  'parents and carers': 'parents',
};

/** The audience groups a cell names ("pupils; teachers"), or the words it could not read. */
export const readAudience = (text: string): { groups: AudienceGroup[]; unknown: string[] } => {
  const groups = new Set<AudienceGroup>();
  const unknown: string[] = [];
  for (const word of text.split(/[;,/+]|\band\b(?! early)/)) {
    const key = word.trim().toLowerCase().replace(/\s+/g, ' ');
    if (key === '') continue;
    const group = synonyms[key];
    if (group) groups.add(group);
    else unknown.push(word.trim());
  }
  return { groups: audienceGroups.filter((g) => groups.has(g)), unknown };
};

/** An engagement's audience with counts: pupils with their year groups and phase, and the adults. */
export type Audience = {
  pupils: number;
  yearGroups: string[];
  pupilPhase: string | null;
  teachers: number;
  traineeTeachers: number;
  governors: number;
  parents: number;
};
