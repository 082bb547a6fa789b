import { describe, expect, it } from 'vitest';
import { readConfig, requirePublicUrlInProduction, requireStrongOperatorTokenInProduction } from './config.ts';
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

describe('operator token configuration', () => {
  const strong = 'a'.repeat(32);

  it('reads PATHWAYS_OPERATOR_TOKEN, an empty value meaning none', () => {
    expect(readConfig({}, { PATHWAYS_OPERATOR_TOKEN: strong }).operatorToken).toBe(strong);
    expect(readConfig({}, { PATHWAYS_OPERATOR_TOKEN: '' }).operatorToken).toBeUndefined();
    expect(readConfig({}, {}).operatorToken).toBeUndefined();
  });

  it('refuses a token an Authorization header cannot carry, naming the setting but never echoing the token', () => {
    for (const bad of ['with space inside', ' leading', 'tab\tinside', 'newline\n', 'caf\u00e9-token']) {
      const error = refusal(() => readConfig({}, { PATHWAYS_OPERATOR_TOKEN: bad }));
      expect(error.code, bad).toBe('config_invalid');
      expect(error.details.map((d) => d.where).join(' '), bad).toContain('operatorToken');
      expect(error.describe(), bad).not.toContain(bad);
    }
  });

  it('refuses production with a token shorter than 32 characters, saying how to make one, without echoing it', () => {
    const short = 'short-but-printable-token';
    const production = readConfig({}, { NODE_ENV: 'production', PATHWAYS_OPERATOR_TOKEN: short });
    const error = refusal(() => requireStrongOperatorTokenInProduction(production));
    expect(error.code).toBe('config_invalid');
    expect(error.describe()).toMatch(/shorter than 32 characters/);
    expect(error.describe()).toContain('PATHWAYS_OPERATOR_TOKEN');
    expect(error.describe()).toContain('openssl rand -hex 32');
    expect(error.describe()).not.toContain(short);
    expect(() => requireStrongOperatorTokenInProduction({ ...production, operatorToken: strong })).not.toThrow();
    // Unset is fine (the operator API is off), and a demo instance takes any token.
    expect(() => requireStrongOperatorTokenInProduction({ ...production, operatorToken: undefined })).not.toThrow();
    expect(() => requireStrongOperatorTokenInProduction(readConfig({}, { PATHWAYS_OPERATOR_TOKEN: short }))).not.toThrow();
  });
});
