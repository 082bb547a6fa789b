/**
 * The page check behind "wording, not codes": competency item codes in the text a person sees that are not
 * followed by their wording (" — statement", as `itemLabel` writes them). Used by the web and browser tests.
 */
export const ITEM_CODE = /\b(?:HLTA|ST1414|TA\d|ASNA\d|AT|NOS)\.[A-Z]?\d+[a-z]?\b/g;

/** Each code not followed by " — ", with the text after it, so a failure says where it is. */
export const unlabelledItemCodes = (text: string): string[] =>
  [...text.matchAll(ITEM_CODE)]
    .filter((m) => !text.startsWith(' — ', m.index + m[0].length))
    .map((m) => `${m[0]}${text.slice(m.index + m[0].length, m.index + m[0].length + 40)}`);

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: ' ', mdash: '—', ndash: '–' };

/** The visible text of a page's HTML, roughly as a reader meets it: no tags, scripts, styles or attribute values. */
export const visibleTextOf = (html: string): string =>
  html
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, name: string) =>
      name.startsWith('#x')
        ? String.fromCodePoint(Number.parseInt(name.slice(2), 16))
        : name.startsWith('#')
          ? String.fromCodePoint(Number(name.slice(1)))
          : (entities[name] ?? whole),
    )
    .replace(/\s+/g, ' ');
