import { describe, expect, it } from 'vitest';
import { defaultTrainingKinds } from './default-training-kinds.ts';

describe('defaultTrainingKinds', () => {
  it('cites every source as a person would read it: a public address or a document by name, never an internal seed file', () => {
    for (const kind of defaultTrainingKinds) {
      expect(kind.source, kind.code).not.toMatch(/\bseed\b|\d{3}_[0-9a-f]+\.txt/i);
      expect(kind.source.startsWith('https://') || /^[A-Z]/.test(kind.source), kind.code).toBe(true);
    }
  });

  it('links the health-needs kinds to the statutory guidance their cited source points to', () => {
    const asthma = defaultTrainingKinds.find((k) => k.code === 'asthma');
    expect(asthma?.source).toContain('career framework guidance, Appendix 3 "Supporting pupils with health needs"');
    expect(asthma?.guidance?.url).toMatch(/^https:\/\/www\.gov\.uk\//);
  });
});
