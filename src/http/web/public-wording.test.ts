import { describe, expect, it } from 'vitest';
import { isPublicCode, labelOf, schemeName, sizeName } from './public-wording.ts';

describe('public wording', () => {
  it('labels roles by name, keeping the codes readers know and hiding internal ids', () => {
    expect(labelOf('TA3', 'Teaching Assistant Level 3')).toBe('TA3: Teaching Assistant Level 3');
    expect(labelOf('TEACHER_QTS', 'Qualified teacher (QTS)')).toBe('Qualified teacher (QTS)');
    expect(labelOf('ASSOCIATE_TEACHER_L5', 'Associate Teacher')).toBe('Associate Teacher');
    expect(isPublicCode('ST1414.K1')).toBe(true);
    expect(isPublicCode('HLTA_STATUS')).toBe(false);
    expect(isPublicCode('HE.FOUNDATION-DEGREE')).toBe(false);
    expect(labelOf('HE.HONOURS-TOP-UP', "BEd 'top up' programme")).toBe("BEd 'top up' programme");
    expect(isPublicCode('OU.E111')).toBe(true);
  });

  it('spells qualification sizes as the data names them', () => {
    expect(sizeName('qts')).toBe('QTS');
    expect(sizeName('certhe')).toBe('CertHE');
    expect(sizeName('certificate')).toBe('Certificate');
    expect(sizeName('foundation-degree')).toBe('Foundation Degree');
    expect(sizeName('something-new')).toBe('Something new');
    expect(schemeName('apprenticeship-framework')).toBe('Apprenticeship framework');
  });
});
