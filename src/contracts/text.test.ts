import { describe, expect, it } from 'vitest';
import { findUnstorableText, unstorableCharacterOf } from './text.ts';

describe('text the database cannot store', () => {
  it('finds a null character or a lone surrogate, and lets every other character through', () => {
    expect(unstorableCharacterOf('a\u0000b')).toBe('null');
    expect(unstorableCharacterOf('a\uD800b')).toBe('surrogate');
    expect(unstorableCharacterOf('b\uDC00')).toBe('surrogate');
    expect(unstorableCharacterOf('Zoë 📚 – \u202E\t')).toBeNull();
  });

  it('names the first place in a parsed body that holds one, keys included', () => {
    expect(findUnstorableText({ title: 'ok', claims: ['A', 'B\u0000'] }, 'body')).toEqual({ where: 'body/claims/1', character: 'null' });
    expect(findUnstorableText({ 'x\uD800': 1 }, 'body')).toEqual({ where: 'body/x\uD800', character: 'surrogate' });
    expect(findUnstorableText({ n: 1, ok: true, none: null }, 'body')).toBeNull();
    expect(findUnstorableText(Buffer.from([0, 0]), 'body')).toBeNull();
  });
});
