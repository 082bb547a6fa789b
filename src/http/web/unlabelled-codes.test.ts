import { describe, expect, it } from 'vitest';
import { unlabelledItemCodes, visibleTextOf } from './unlabelled-codes.ts';

describe('unlabelledItemCodes', () => {
  it('finds codes shown without their wording, and passes codes followed by " — statement"', () => {
    expect(unlabelledItemCodes('HLTA.17 HLTA.17')).toEqual(['HLTA.17 HLTA.17', 'HLTA.17']);
    expect(unlabelledItemCodes('HLTA.17 — use their area(s) of expertise; ST1414.K3a — know')).toEqual([]);
    expect(unlabelledItemCodes('Feedback on AT.D10 (needed)')).toEqual(['AT.D10 (needed)']);
    expect(unlabelledItemCodes('TA3.D12, ASNA2.D1 and NOS.4')).toHaveLength(3);
    expect(unlabelledItemCodes('HLTA status, ST1414 apprenticeship, TA3')).toEqual([]);
  });

  it('reads the visible text of HTML, not attribute values or scripts', () => {
    const html = '<input value="HLTA.26"><label>HLTA.26 &mdash; promote</label><script>"HLTA.1"</script>';
    expect(visibleTextOf(html).trim()).toBe('HLTA.26 — promote');
    expect(unlabelledItemCodes(visibleTextOf(html))).toEqual([]);
  });
});
