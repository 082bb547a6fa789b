import { describe, expect, it } from 'vitest';
import { readConfig, requirePublicUrlInProduction } from './config.ts';
import { AppError } from './errors.ts';

const refusal = (run: () => unknown): AppError => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('accepted but should have been refused');
};

describe('public URL configuration', () => {
  it('reads the public address from --public-url or PATHWAYS_PUBLIC_URL, flag first, kept as its origin', () => {
    expect(readConfig({}, { PATHWAYS_PUBLIC_URL: 'https://pathways.trust.example/' }).publicUrl).toBe('https://pathways.trust.example');
    expect(readConfig({ publicUrl: 'http://10.0.0.5:8080' }, { PATHWAYS_PUBLIC_URL: 'https://other.example' }).publicUrl).toBe(
      'http://10.0.0.5:8080',
    );
    expect(readConfig({}, {}).publicUrl).toBeUndefined();
  });

  it('refuses anything but a plain http(s) address, naming the setting', () => {
    for (const bad of [
      'ftp://pathways.example',
      'javascript:alert(1)',
      'pathways.example',
      'https://pathways.example/reset',
      'https://pathways.example/?next=evil',
      'https://pathways.example/#x',
      'https://user:pass@pathways.example',
    ]) {
      const error = refusal(() => readConfig({ publicUrl: bad }, {}));
      expect(error.code, bad).toBe('config_invalid');
      expect(error.details.map((d) => d.where).join(' '), bad).toContain('publicUrl');
    }
  });

  it('refuses production without a public address, with a message that says how to set one', () => {
    const production = readConfig({}, { NODE_ENV: 'production' });
    const error = refusal(() => requirePublicUrlInProduction(production));
    expect(error.code).toBe('config_invalid');
    expect(error.describe()).toMatch(/public address/);
    expect(error.describe()).toContain('PATHWAYS_PUBLIC_URL');
    expect(error.describe()).toContain('--public-url');
    expect(() => requirePublicUrlInProduction({ ...production, publicUrl: 'https://pathways.trust.example' })).not.toThrow();
    expect(() => requirePublicUrlInProduction(readConfig({}, {}))).not.toThrow();
  });
});
