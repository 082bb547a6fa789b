/** One of the eleven kinds of partnership teacher, as the framework lists them (`PT.secondee`, "The secondee"). */
export type PartnershipKind = { code: string; title: string };

const normalise = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/^pt\./, '')
    .replace(/^the\s+/, '')
    .replace(/[\s_-]+/g, ' ');

/**
 * The kind a person wrote, by its code (`PT.secondee`), its id (`secondee`) or its name ("The
 * secondee", "secondee", "Curriculum developer"); null when it names none. The governor kind also
 * answers to its title's first word ("governor").
 */
export const resolveKind = (kinds: readonly PartnershipKind[], text: string): PartnershipKind | null => {
  const wanted = normalise(text);
  if (wanted === '') return null;
  return (
    kinds.find((k) => normalise(k.code) === wanted) ??
    kinds.find((k) => normalise(k.title) === wanted) ??
    kinds.find((k) => normalise(k.title).split(' (')[0] === wanted) ??
    null
  );
};

/** A kind's name without its article, for tables and charts ("Secondee"). */
export const kindName = (kinds: readonly PartnershipKind[], code: string): string => {
  const kind = kinds.find((k) => k.code === code);
  if (!kind) return code;
  const name = kind.title.replace(/^The\s+/, '');
  return name.charAt(0).toUpperCase() + name.slice(1);
};
