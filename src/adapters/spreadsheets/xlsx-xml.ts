/** Reading OOXML by hand: character references, attributes, text runs, date styles and serials. */

export const ENTITY = /&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi;
export const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** XML character references, then OOXML's `_x000D_` escapes. */
export const xmlText = (text: string) =>
  text
    .replace(ENTITY, (_m, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
      const code = hex ? Number.parseInt(hex, 16) : dec ? Number(dec) : null;
      if (code === null) return NAMED[name?.toLowerCase() ?? ''] ?? '';
      return code <= 0x10ffff ? String.fromCodePoint(code) : '';
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

export const NS = '(?:[A-Za-z_][\\w.-]*:)?';
export const attributeOf = (tag: string, name: string): string | null => {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return match ? xmlText(match[1] ?? match[2] ?? '') : null;
};

/** The text of every `<t>` in a string item or inline string, leaving out phonetic runs. */
export const runsText = (xml: string) => {
  const withoutPhonetics = xml.replace(new RegExp(`<${NS}rPh\\b[\\s\\S]*?</${NS}rPh>`, 'g'), '');
  let text = '';
  for (const m of withoutPhonetics.matchAll(new RegExp(`<${NS}t(?:\\s[^>]*)?>([\\s\\S]*?)</${NS}t>`, 'g'))) text += xmlText(m[1] ?? '');
  return text;
};

/** Built-in number formats that show a date (ECMA-376 part 1, 18.8.30, and the East Asian ones). */
export const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);
export const isDateFormatCode = (code: string) => /[dy]|m(?!s)/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));

/** For each cell style index, whether it shows a date. */
export const dateStylesOf = (xml: string | null): boolean[] => {
  if (xml === null) return [];
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(new RegExp(`<${NS}numFmt\\s[^>]*>`, 'g'))) {
    const id = Number(attributeOf(m[0], 'numFmtId'));
    custom.set(id, attributeOf(m[0], 'formatCode') ?? '');
  }
  const cellXfs = new RegExp(`<${NS}cellXfs\\b[\\s\\S]*?</${NS}cellXfs>`).exec(xml)?.[0] ?? '';
  return [...cellXfs.matchAll(new RegExp(`<${NS}xf\\s[^>]*>`, 'g'))].map((m) => {
    const id = Number(attributeOf(m[0], 'numFmtId') ?? 0);
    const code = custom.get(id);
    return code !== undefined ? isDateFormatCode(code) : BUILT_IN_DATE_FORMATS.has(id);
  });
};

/** An Excel date serial as an ISO calendar date (the 1900 system counts from 30 December 1899). */
export const serialDate = (serial: number, date1904: boolean) => {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return new Date(epoch + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
};
