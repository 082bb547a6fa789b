/** The fields a staff import can fill, with the header names typical MIS exports use for each. */
export const staffFields = {
  familyName: { label: 'Family name', required: true, headers: ['legal surname', 'surname', 'family name', 'last name', 'lastname'] },
  givenName: {
    label: 'Given name',
    required: true,
    headers: ['preferred forename', 'forename', 'first name', 'given name', 'legal forename', 'firstname'],
  },
  workEmail: { label: 'Work email', required: false, headers: ['work email', 'email', 'email address', 'school email'] },
  staffCode: { label: 'Staff code', required: false, headers: ['staff code', 'staff id', 'employee number', 'payroll number', 'code'] },
  role: { label: 'Role', required: false, headers: ['role', 'grade', 'post', 'staff role', 'support staff grade'] },
  jobTitle: { label: 'Job title', required: false, headers: ['job title', 'title of post', 'position'] },
  hoursPerWeek: { label: 'Hours per week', required: false, headers: ['hours per week', 'contracted hours', 'weekly hours', 'hours'] },
  weeksPerYear: { label: 'Weeks per year', required: false, headers: ['weeks per year', 'weeks worked', 'weeks'] },
  startDate: { label: 'Start date', required: false, headers: ['start date', 'employment start', 'date of appointment', 'started'] },
  leavingDate: { label: 'Leaving date', required: false, headers: ['leaving date', 'end date', 'employment end', 'left'] },
  specialisms: { label: 'Specialisms', required: false, headers: ['specialisms', 'specialism'] },
  lineManager: {
    label: 'Line manager',
    required: false,
    headers: ['line manager', 'line manager staff code', 'line manager email', 'manager'],
  },
} as const;

export type StaffField = keyof typeof staffFields;
export const staffFieldNames = Object.keys(staffFields) as StaffField[];

/** Which column (by index) feeds each field; null where none does. */
export type ColumnMapping = Record<StaffField, number | null>;

const normaliseHeader = (header: string) =>
  header
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Guesses the column of each field from the header row; exact names first, then names that contain a known header. */
export const guessColumnMapping = (headers: readonly string[]): ColumnMapping => {
  const normalised = headers.map(normaliseHeader);
  const taken = new Set<number>();
  const find = (candidates: readonly string[], match: (header: string, candidate: string) => boolean) => {
    for (const candidate of candidates) {
      const index = normalised.findIndex((h, i) => !taken.has(i) && match(h, candidate));
      if (index >= 0) return index;
    }
    return null;
  };
  const mapping = {} as ColumnMapping;
  for (const pass of [(h: string, c: string) => h === c, (h: string, c: string) => h.includes(c)]) {
    for (const field of staffFieldNames) {
      if (mapping[field] !== undefined && mapping[field] !== null) continue;
      const index = find(staffFields[field].headers, pass);
      if (index !== null) taken.add(index);
      mapping[field] = index;
    }
  }
  return mapping;
};
