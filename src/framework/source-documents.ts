import type { Provenance } from './schema.ts';

/**
 * A published document the reference data is taken from, described in the words of the document itself:
 * only what its text says about its title, publisher and date (never guessed).
 */
export type SourceDocument = {
  /** The stored copy the data's provenance names (an internal file name, never shown to the public). */
  file: string;
  title: string;
  publisher: string;
  /** The date as the document gives it, or what it says instead of a date. */
  date: string;
  /** How a citation names the document in a sentence. */
  citation: string;
  /** Sections that reproduce another publication, cited by that publication's name ("NJC role profiles, July 2013"). */
  quoting?: { sections: RegExp; citation: string };
};

/** The five source documents, as their opening pages describe them. */
export const sourceDocuments: readonly SourceDocument[] = [
  {
    file: '000_9a45b40883550dca.txt',
    title: 'Associate Teacher: Occupational Profile',
    publisher: 'Not named in the document',
    date: 'No date given',
    citation: 'Associate Teacher occupational profile',
  },
  {
    file: '001_c0b52c10efd2fd44.txt',
    title: 'L5: Specialist teaching assistant (apprenticeship standard ST1414, standard in development)',
    publisher: 'Apprenticeship standard page (UOS reference number ST1414)',
    date: 'No date given (the target date for approval is left blank)',
    citation: 'ST1414 Specialist teaching assistant standard',
  },
  {
    file: '002_928b95df823f8beb.txt',
    title: 'Supporting Teaching and Learning in Schools (England), apprenticeship framework FR04171, issue 12',
    publisher: 'Learning and Skills Improvement Service',
    date: '1 December 2017',
    citation: 'FR04171 apprenticeship framework, issue 12 (1 December 2017)',
  },
  {
    file: '003_02d8b21ed1d9710a.txt',
    title: 'Career Framework and Continuing Professional Development for Teaching Assistants: guidance for school leadership teams',
    publisher: 'UNISON and the National Education Trust',
    date: 'No date given; it quotes the NJC school support staff model role profiles published in July 2013',
    citation: 'UNISON and National Education Trust career framework guidance',
    quoting: {
      sections: /^(2\.1 NJC|4\.[1-8] )/,
      citation: 'NJC role profiles, July 2013 (as set out in the UNISON and National Education Trust guidance)',
    },
  },
  {
    file: '004_2248d49310d761a9.txt',
    title: 'Partnership teaching (the first post of a blog series on partnership teachers)',
    publisher: 'A blog (author not named in the post)',
    date: 'No date given; it mentions a webinar held in December 2020 and another planned for February or March',
    citation: 'Partnership teaching blog post (around early 2021)',
  },
];

const byFile = new Map(sourceDocuments.map((d) => [d.file, d]));

/** The document a stored source file holds, if it is one of ours. */
export const sourceDocumentOf = (file: string): SourceDocument | undefined => byFile.get(file);

const importFormats: Record<Extract<Provenance, { origin: 'import' }>['format'], string> = {
  ifate: 'the Institute for Apprenticeships and Technical Education',
  case: 'a CASE competency framework file',
};

/** A provenance in public words: where the text comes from, never a file name. */
export type PublicSource = { text: string; link?: string; reason?: string };

/** Says where a piece of reference data comes from, as a reader would cite it ("NJC role profiles, July 2013, section 4.3"). */
export const publicSource = (provenance: Provenance): PublicSource => {
  if ('seed' in provenance) {
    const document = sourceDocumentOf(provenance.seed);
    const section = provenance.section.trim();
    const name = (document?.quoting?.sections.test(section) ? document.quoting.citation : document?.citation) ?? 'a published source';
    const sectionText = /^\d/.test(section) ? `section ${section}` : `“${section}”`;
    return { text: `${name}, ${sectionText}` };
  }
  if (provenance.origin === 'pathways')
    return {
      text: provenance.source ? 'Written by Pathways from a public source' : 'Written by Pathways',
      reason: provenance.reason,
      ...(provenance.source ? { link: provenance.source } : {}),
    };
  return { text: `Imported from ${importFormats[provenance.format]}`, reason: provenance.reference };
};
