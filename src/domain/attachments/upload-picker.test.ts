import { describe, expect, it } from 'vitest';
import { uploadRules } from './upload-picker.ts';

describe('uploadRules', () => {
  it('lets the chooser offer every accepted kind, HEIC photos included, and no other documents', () => {
    const accept = uploadRules(10 * 1024 * 1024).accept.split(',');
    expect(accept).toEqual(expect.arrayContaining(['.pdf', '.docx', '.doc', '.odt', 'image/*', 'audio/*', 'video/*', '.heic', '.heif']));
    expect(accept).not.toContain('.xlsx');
    expect(new Set(accept).size).toBe(accept.length);
  });

  it('names the kinds and the configured limit in the hint', () => {
    expect(uploadRules(25 * 1024 * 1024).hint).toBe(
      'PDF, images (including HEIC photos), Word/ODT documents and audio or video notes, up to 25 MB each',
    );
  });
});
