import { type StaffField, staffFields } from './fields.ts';

/** The label of a changed field as the preview shows it ("Line manager", "Posts"). */
export const fieldLabel = (field: string): string =>
  field in staffFields ? staffFields[field as StaffField].label : field === 'posts' ? 'Posts' : field === 'left' ? 'Left' : field;

/** A changed value as a person reads it: posts as "LSA → TA2 (Teaching assistant)", lists joined, none as a dash. */
export const valueText = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '–';
  if (Array.isArray(value)) return value.length === 0 ? '–' : value.map(valueText).join('; ');
  if (typeof value === 'object') {
    const post: { roleValue?: string | null; gradedRole?: string | null; jobTitle?: string | null } = value;
    const role = post.gradedRole ?? 'no graded role';
    return [
      post.roleValue && post.roleValue !== post.gradedRole ? `${post.roleValue} → ${role}` : role,
      post.jobTitle ? `(${post.jobTitle})` : '',
    ]
      .filter(Boolean)
      .join(' ');
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
};
