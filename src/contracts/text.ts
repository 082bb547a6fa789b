/**
 * Text the database cannot store: PostgreSQL `text` refuses U+0000, and a lone UTF-16 surrogate has
 * no UTF-8 form. Such characters never come from typing, so a request holding one is refused at the
 * edge with one clear message rather than failing deep inside a use-case.
 */

export type UnstorableCharacter = 'null' | 'surrogate';

/** The message shown (web) and sent (API) for each kind of unstorable character. */
export const unstorableTextMessages: Record<UnstorableCharacter, string> = {
  null: 'The text contains a character we cannot store (a null character)',
  surrogate: 'The text contains a character we cannot store (half of an encoded character)',
};

/** Which unstorable character a string holds, if any. */
export const unstorableCharacterOf = (text: string): UnstorableCharacter | null => {
  if (text.includes('\u0000')) return 'null';
  if (!text.isWellFormed()) return 'surrogate';
  return null;
};

/** The first string (or key) inside a parsed value that holds an unstorable character, with its JSON path. */
export const findUnstorableText = (value: unknown, where: string, depth = 0): { where: string; character: UnstorableCharacter } | null => {
  if (typeof value === 'string') {
    const character = unstorableCharacterOf(value);
    return character ? { where, character } : null;
  }
  // Parsed bodies are shallow; a deeper value is not text anyone typed, and the schema refuses it.
  if (depth > 32 || typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return null;
  for (const [key, inner] of Object.entries(value)) {
    const inKey = unstorableCharacterOf(key);
    if (inKey) return { where: `${where}/${key}`, character: inKey };
    const found = findUnstorableText(inner, `${where}/${key}`, depth + 1);
    if (found) return found;
  }
  return null;
};
