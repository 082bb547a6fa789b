import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';

/**
 * pdfmake on the server with the standard 14 PDF fonts (Helvetica), so no font file is read and no
 * URL or local file is ever fetched while rendering: documents are built from our own data only.
 */
const helvetica = { normal: 'Helvetica', bold: 'Helvetica-Bold', italics: 'Helvetica-Oblique', bolditalics: 'Helvetica-BoldOblique' };
const standardFonts = new Set(Object.values(helvetica));
pdfmake.setFonts({ Helvetica: helvetica });
pdfmake.setUrlAccessPolicy(() => false);
// pdfmake passes font names through the local access policy; only the built-in standard fonts pass.
pdfmake.setLocalAccessPolicy((path) => standardFonts.has(path));

/** Renders a pdfmake document to PDF bytes (compressed unless `compress: false`, which tests use to read the text). */
export const renderPdf = async (document: TDocumentDefinitions, options: { compress?: boolean } = {}): Promise<Uint8Array> => {
  const buffer = await pdfmake
    .createPdf({
      compress: options.compress ?? true,
      ...document,
      defaultStyle: { font: 'Helvetica', fontSize: 10, ...document.defaultStyle },
    })
    .getBuffer();
  return new Uint8Array(buffer);
};
