import { zipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import type { Content } from 'pdfmake/interfaces.js';
import { renderPdf } from '../../adapters/pdf.ts';
import type { HltaPreparation, StandardInFile } from '../../domain/hlta-preparation.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { audit } from '../../store/audit.ts';
import { type FileAttachment, hltaFile } from '../../store/hlta-file.ts';
import type { PortfolioDeps } from './deps.ts';
import { hltaPreparationOf } from './hlta-preparation.ts';

/** The assembled evidence file: a ZIP with the index, the merged PDF and the other documents. */
export type HltaEvidenceFile = { fileName: string; bytes: Uint8Array; draft: boolean; documents: number };

const A4 = { width: 595.28, height: 841.89, margin: 40 };
const MERGED_TYPES = new Set(['application/pdf', 'image/jpeg', 'image/png']);

/** A title made safe as part of a file name in any operating system's ZIP tool. */
export const safeFileTitle = (title: string): string =>
  title
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9 ._-]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 60)
    .replace(/[ .]+$/, '') || 'document';

const extensionOf = (fileName: string): string => {
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(fileName);
  return match?.[1] ? `.${match[1].toLowerCase()}` : '';
};

const indexDocument = (input: {
  preparation: HltaPreparation;
  candidate: string;
  school: string;
  date: string;
  kinds: Map<string, string[]>;
}): Content[] => {
  const { preparation } = input;
  const draft = !preparation.ready;
  return [
    ...(draft
      ? ([
          { text: 'DRAFT — not ready for assessment', style: 'draft' },
          { ul: preparation.problems, margin: [0, 0, 0, 12] },
        ] satisfies Content[])
      : []),
    { text: 'HLTA evidence file: index', style: 'title' },
    {
      table: {
        widths: ['auto', '*'],
        body: [
          ['Candidate', input.candidate],
          ['School', input.school],
          ['Date', input.date],
        ],
      },
      layout: 'noBorders',
      margin: [0, 0, 0, 12],
    } satisfies Content,
    ...preparation.standards.map(
      (s: StandardInFile): Content => ({
        stack: [
          { text: `Standard ${s.number}`, bold: true },
          { text: s.text, italics: true, margin: [0, 0, 0, 2] },
          s.documents.length === 0
            ? { text: 'No document chosen', color: '#d4351c' }
            : {
                ul: s.documents.map(
                  (d) =>
                    `${d.label}: ${d.title} (${d.kind.replace(/-/g, ' ')}, ${d.occurredOn})${(input.kinds.get(d.evidenceId) ?? []).length > 0 ? ` — files: ${(input.kinds.get(d.evidenceId) ?? []).join(', ')}` : ''}`,
                ),
              },
        ],
        margin: [0, 0, 0, 8],
      }),
    ),
  ];
};

const separatorPage = (standard: StandardInFile, document: StandardInFile['documents'][number], body: string, draft: boolean) =>
  renderPdf({
    ...(draft ? { watermark: { text: 'DRAFT', opacity: 0.1 } } : {}),
    content: [
      {
        text: `Standard ${standard.number} — document ${document.label}: ${document.title}`,
        fontSize: 16,
        bold: true,
        margin: [0, 0, 0, 6],
      },
      { text: `${document.kind.replace(/-/g, ' ')}, ${document.occurredOn}`, margin: [0, 0, 0, 12] },
      ...(body.trim() ? [{ text: body }] : []),
    ],
  });

/** Appends an image as one A4 page, scaled to fit within the margins and centred. */
const addImagePage = async (merged: PDFDocument, bytes: Uint8Array, mediaType: string) => {
  const image = mediaType === 'image/png' ? await merged.embedPng(bytes) : await merged.embedJpg(bytes);
  const box = { width: A4.width - 2 * A4.margin, height: A4.height - 2 * A4.margin };
  const scale = Math.min(1, box.width / image.width, box.height / image.height);
  const size = { width: image.width * scale, height: image.height * scale };
  const page = merged.addPage([A4.width, A4.height]);
  page.drawImage(image, { x: (A4.width - size.width) / 2, y: (A4.height - size.height) / 2, ...size });
};

const appendPdf = async (merged: PDFDocument, bytes: Uint8Array) => {
  const source = await PDFDocument.load(bytes, { ignoreEncryption: true });
  for (const page of await merged.copyPages(source, source.getPageIndices())) merged.addPage(page);
};

/**
 * Assembles the numbered HLTA evidence file of a person as one ZIP: `index.pdf` (candidate, school,
 * date, each standard with its numbered documents), `evidence.pdf` (per document in standards order a
 * separator page with its text, then its PDF attachments and JPEG/PNG images, one image per page) and
 * the other files beside them named by number (`07.1 <title>.docx`). A file that is not ready (entry
 * check failed, a standard missing or over-full) is still produced so the candidate can review it with
 * their manager, but it is marked DRAFT on every page and lists its problems first. Audited as
 * hltaFile.assembled.
 */
export const assembleHltaEvidenceFile = async (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
): Promise<HltaEvidenceFile> => {
  const view = await hltaPreparationOf(deps, actor, personId);
  const { preparation, person } = view;
  const store = hltaFile(deps.db);
  const evidenceIds = [...new Set(preparation.standards.flatMap((s) => s.documents.map((d) => d.evidenceId)))];
  const [attachments, school, bodies] = await Promise.all([
    store.attachments(person.trustId, evidenceIds),
    store.organisationName(person.trustId, person.organisationId),
    store.bodies(person.trustId, evidenceIds),
  ]);
  const byEvidence = new Map<string, FileAttachment[]>();
  for (const a of attachments) byEvidence.set(a.evidenceId, [...(byEvidence.get(a.evidenceId) ?? []), a]);
  const draft = !preparation.ready;
  const now = deps.clock();

  const merged = await PDFDocument.create();
  merged.setTitle(`HLTA evidence file: ${person.name}`);
  const beside: Record<string, Uint8Array> = {};
  const kinds = new Map<string, string[]>();
  let documents = 0;
  for (const standard of preparation.standards) {
    for (const document of standard.documents) {
      documents += 1;
      await appendPdf(merged, await separatorPage(standard, document, bodies.get(document.evidenceId) ?? '', draft));
      const files = byEvidence.get(document.evidenceId) ?? [];
      kinds.set(
        document.evidenceId,
        files.map((f) => f.fileName),
      );
      let other = 0;
      for (const file of files) {
        const bytes = await deps.files.read(file.sha256);
        if (MERGED_TYPES.has(file.mediaType)) {
          try {
            if (file.mediaType === 'application/pdf') await appendPdf(merged, bytes);
            else await addImagePage(merged, bytes, file.mediaType);
            continue;
          } catch {
            // A PDF or image pdf-lib cannot read still reaches the assessor, beside the merged file.
          }
        }
        other += 1;
        const suffix = other > 1 ? ` (${other})` : '';
        beside[`${document.filePrefix} ${safeFileTitle(document.title)}${suffix}${extensionOf(file.fileName)}`] = bytes;
      }
    }
  }
  const index = await renderPdf({
    info: { title: `HLTA evidence file index: ${person.name}` },
    ...(draft ? { watermark: { text: 'DRAFT', opacity: 0.1 } } : {}),
    content: indexDocument({ preparation, candidate: person.name, school, date: now.toISOString().slice(0, 10), kinds }),
    styles: {
      title: { fontSize: 18, bold: true, margin: [0, 0, 0, 10] },
      draft: { fontSize: 16, bold: true, color: '#d4351c', margin: [0, 0, 0, 6] },
    },
  });
  const zip = zipSync(
    { 'index.pdf': index, ...(documents > 0 ? { 'evidence.pdf': await merged.save() } : {}), ...beside },
    { level: 6, mtime: now },
  );

  await deps.db.transaction().execute(async (trx) => {
    await audit(trx, deps.auditKey).record({
      trustId: person.trustId,
      actor: actor.kind === 'user' ? actor.userId : 'anonymous',
      action: 'hltaFile.assembled',
      entity: 'person',
      entityId: person.id,
      data: { draft, documents, problems: preparation.problems.length },
      requestId: deps.requestId ?? null,
    });
  });
  return { fileName: 'hlta-evidence-file.zip', bytes: zip, draft, documents };
};
