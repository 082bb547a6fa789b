import { describe, expect, it } from 'vitest';
import { copyField, copyLine } from './bulk-load-encoding.ts';

describe('COPY text encoding', () => {
  it('escapes the characters that would end a field or a line, and writes null as \\N', () => {
    expect(copyField('a\tb\nc\\d\re')).toBe('a\\tb\\nc\\\\d\\re');
    expect(copyField(null)).toBe('\\N');
    expect(copyField(undefined)).toBe('\\N');
    expect(copyField(true)).toBe('t');
    expect(copyField(12.5)).toBe('12.5');
    expect(copyField(new Date('2026-12-04T09:00:00Z'))).toBe('2026-12-04T09:00:00.000Z');
  });

  it('writes arrays as array literals and objects as JSON', () => {
    expect(copyField(['HLTA.1', 'say "hi"', 'back\\slash'])).toBe('{"HLTA.1","say \\\\"hi\\\\"","back\\\\\\\\slash"}');
    expect(copyField([])).toBe('{}');
    expect(copyField({ kind: 'subject', grade: '4\t' })).toBe('{"kind":"subject","grade":"4\\\\t"}');
  });

  it('writes a row in the column order given', () => {
    expect(copyLine({ b: 2, a: 'x', c: null }, ['a', 'b', 'c'])).toBe('x\t2\t\\N\n');
  });
});
