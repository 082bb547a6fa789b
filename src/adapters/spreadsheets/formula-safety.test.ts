import { describe, expect, it } from 'vitest';
import { neutraliseFormula } from './formula-safety.ts';

describe('neutraliseFormula', () => {
  it.each([
    ['=HYPERLINK("http://evil")', `'=HYPERLINK("http://evil")`],
    ['+44 1234', `'+44 1234`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tcmd', `'\tcmd`],
    ['Siân Jones', 'Siân Jones'],
  ])('%j → %j', (input, output) => expect(neutraliseFormula(input)).toBe(output));

  it('keeps numbers and blanks', () => {
    expect(neutraliseFormula(-3)).toBe(-3);
    expect(neutraliseFormula(null)).toBe('');
  });
});
