import { describe, expect, it } from 'vitest';
import { readFrameworkFiles } from './load.ts';
import { publicSource, sourceDocumentOf, sourceDocuments } from './source-documents.ts';

const developerWording = [/\bseed\b/i, /\.ya?ml\b/, /\d{3}_[0-9a-f]{16}/, /01\/01\/0001/];

/** Every seed file named anywhere in the shipped data. */
const seedFilesInData = async () => {
  const files = new Set<string>();
  for (const { framework } of await readFrameworkFiles())
    for (const match of JSON.stringify(framework).matchAll(/"seed":"([^"]+)"/g)) files.add(match[1] ?? '');
  return files;
};

describe('source documents', () => {
  it('describe every source file the data cites, so no citation falls back to "a published source"', async () => {
    for (const file of await seedFilesInData()) expect(sourceDocumentOf(file), file).toBeDefined();
  });

  it('describe the documents in public words only', () => {
    for (const document of sourceDocuments)
      for (const text of [document.title, document.publisher, document.date, document.citation, document.quoting?.citation ?? ''])
        for (const pattern of developerWording) expect(text).not.toMatch(pattern);
  });

  it('cites the NJC profiles for the role profile sections of the guidance, by date and section', () => {
    const source = publicSource({ seed: '003_02d8b21ed1d9710a.txt', section: '4.3 Teaching Assistant Level 3' });
    expect(source.text).toBe(
      'NJC role profiles, July 2013 (as set out in the UNISON and National Education Trust guidance), section 4.3 Teaching Assistant Level 3',
    );
    expect(publicSource({ seed: '003_02d8b21ed1d9710a.txt', section: '3.2.4 QCF qualifications' }).text).toBe(
      'UNISON and National Education Trust career framework guidance, section 3.2.4 QCF qualifications',
    );
    expect(publicSource({ seed: '002_928b95df823f8beb.txt', section: 'Framework details' }).text).toBe(
      'FR04171 apprenticeship framework, issue 12 (1 December 2017), “Framework details”',
    );
  });

  it('says what Pathways wrote itself, with its public source link, and what was imported', () => {
    expect(publicSource({ origin: 'pathways', reason: 'Frameworks were withdrawn in 2020.', source: 'https://www.gov.uk/x' })).toEqual({
      text: 'Written by Pathways from a public source',
      reason: 'Frameworks were withdrawn in 2020.',
      link: 'https://www.gov.uk/x',
    });
    expect(publicSource({ origin: 'pathways', reason: 'Pathways reads the table so.' })).toEqual({
      text: 'Written by Pathways',
      reason: 'Pathways reads the table so.',
    });
    expect(publicSource({ origin: 'import', format: 'ifate', reference: 'st1414-v1-0' }).text).toBe(
      'Imported from the Institute for Apprenticeships and Technical Education',
    );
  });

  it('leave the placeholder approval date and file names out of every public source line of the data', async () => {
    for (const { framework } of await readFrameworkFiles()) {
      const provenances = [...JSON.stringify(framework).matchAll(/"provenance":(\{[^{}]*\})/g)].map((m) => JSON.parse(m[1] ?? '{}'));
      for (const provenance of provenances) {
        const { text } = publicSource(provenance);
        for (const pattern of developerWording) expect(text, framework.id).not.toMatch(pattern);
      }
    }
  });

  it('leave developer wording out of every text of the data the public pages show', async () => {
    const shown = new Set(['title', 'text', 'reason', 'note', 'inferred', 'description', 'publisher', 'version', 'label', 'action']);
    const found: string[] = [];
    const visit = (value: unknown, path: string) => {
      if (Array.isArray(value)) {
        for (const [i, v] of value.entries()) visit(v, `${path}[${i}]`);
      } else if (typeof value === 'object' && value !== null)
        for (const [key, child] of Object.entries(value)) {
          if (typeof child === 'string' && shown.has(key)) {
            for (const pattern of [...developerWording, /\b[A-Z][A-Z0-9]+(_[A-Z0-9]+)+\b/])
              if (pattern.test(child)) found.push(`${path}.${key}: ${child.slice(0, 120)}`);
          } else visit(child, `${path}.${key}`);
        }
    };
    for (const { framework } of await readFrameworkFiles()) visit(framework, framework.id);
    expect(found).toEqual([]);
  });
});
