import { describe, expect, it } from 'vitest';
import { acceptedFiles, acceptedKindOf, checkUpload, humanSize } from './accepted-files.ts';

const MB = 1024 * 1024;
const limit = 25 * MB;

describe('accepted files', () => {
  it.each([
    ['pdf', 'application/pdf', 'application/pdf'],
    ['jpg', 'image/jpeg', 'image/jpeg'],
    ['png', 'image/png', 'image/png'],
    ['webp', 'image/webp', 'image/webp'],
    ['gif', 'image/gif', 'image/gif'],
    ['heic', 'image/heic', 'image/heic'],
    ['heic', 'image/heif', 'image/heic'],
    [
      'docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    ['doc', 'application/msword', 'application/msword'],
    ['odt', 'application/vnd.oasis.opendocument.text', 'application/vnd.oasis.opendocument.text'],
    ['mp3', 'audio/mpeg', 'audio/mpeg'],
    ['m4a', 'audio/x-m4a', 'audio/mp4'],
    ['aac', 'audio/aac', 'audio/aac'],
    ['wav', 'audio/wav', 'audio/wav'],
    ['ogg', 'audio/ogg', 'audio/ogg'],
    ['mp4', 'video/mp4', 'video/mp4'],
    ['mov', 'video/quicktime', 'video/quicktime'],
    ['webm', 'video/webm', 'video/webm'],
  ])('accepts %s detected as %s, stored as %s', (ext, mime, stored) => {
    const result = checkUpload({ detected: { ext, mime }, sizeBytes: 1000, maxBytes: limit, fileName: `note.${ext}` });
    expect(result).toMatchObject({ ok: true, file: { mediaType: stored } });
  });

  it('names every kind for people and stores one media type per kind', () => {
    for (const f of acceptedFiles) {
      expect(f.name.length).toBeGreaterThan(2);
      expect(f.mediaType).toMatch(/^[a-z]+\/[a-z0-9.+-]+$/);
    }
  });

  it('refuses a Windows program renamed as a PDF, saying what it really is', () => {
    const result = checkUpload({
      detected: { ext: 'exe', mime: 'application/x-msdownload' },
      sizeBytes: 5000,
      maxBytes: limit,
      fileName: 'report.pdf',
    });
    expect(result).toEqual({
      ok: false,
      reason:
        'report.pdf is a Windows program, not a PDF: only PDF, images (including HEIC photos), Word/ODT documents and audio or video notes can be attached',
    });
  });

  it.each([
    [{ ext: 'zip', mime: 'application/zip' }, 'notes.zip is a ZIP archive: only'],
    [
      { ext: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      'marks.docx is an Excel spreadsheet, not a Word document',
    ],
    [{ ext: 'psd', mime: 'image/vnd.adobe.photoshop' }, 'art.psd is a PSD file: only'],
    [undefined, 'notes.txt is not a file type we recognise: only'],
  ])('refuses %o with a reason', (detected, start) => {
    const name = start.split(' ')[0] ?? '';
    const result = checkUpload({ detected, sizeBytes: 10, maxBytes: limit, fileName: name });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(start);
  });

  it('refuses files over the limit, giving both sizes', () => {
    const result = checkUpload({
      detected: { ext: 'pdf', mime: 'application/pdf' },
      sizeBytes: Math.round(31.2 * MB),
      maxBytes: limit,
      fileName: 'scan.pdf',
    });
    expect(result).toEqual({ ok: false, reason: 'scan.pdf is 31.2 MB; the largest file accepted is 25 MB' });
  });

  it('refuses an upload cut off at the limit without claiming a size', () => {
    const result = checkUpload({ detected: undefined, sizeBytes: limit + 1, maxBytes: limit, fileName: 'film.mov', truncated: true });
    expect(result).toEqual({ ok: false, reason: 'film.mov is over 25 MB; the largest file accepted is 25 MB' });
  });

  it('accepts a file of exactly the limit', () => {
    expect(
      checkUpload({ detected: { ext: 'pdf', mime: 'application/pdf' }, sizeBytes: limit, maxBytes: limit, fileName: 'a.pdf' }).ok,
    ).toBe(true);
  });

  it('keeps refusals short whatever the file name', () => {
    const result = checkUpload({
      detected: { ext: 'exe', mime: 'application/x-msdownload' },
      sizeBytes: 10,
      maxBytes: limit,
      fileName: `${'x'.repeat(190)}.pdf`,
    });
    expect(!result.ok && result.reason.length).toBeLessThan(250);
    expect(!result.ok && result.reason).toMatch(/^x{59}… is a Windows program, not a PDF: only/);
  });

  it('refuses empty files', () => {
    expect(checkUpload({ detected: undefined, sizeBytes: 0, maxBytes: limit, fileName: 'blank.pdf' })).toEqual({
      ok: false,
      reason: 'blank.pdf is empty: choose a file with something in it',
    });
  });

  it('does not accept a kind by media type alone when it is not in the table', () => {
    expect(acceptedKindOf({ ext: 'exe', mime: 'application/x-msdownload' })).toBeUndefined();
  });

  it.each([
    [0, '0 bytes'],
    [1, '1 byte'],
    [512, '512 bytes'],
    [2048, '2 KB'],
    [1536, '1.5 KB'],
    [25 * MB, '25 MB'],
  ])('writes %d bytes as %s', (bytes, text) => expect(humanSize(bytes)).toBe(text));
});
