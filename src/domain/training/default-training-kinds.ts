/**
 * The mandatory-training kinds every trust starts with. Data, not branches: the validity periods are
 * defaults that each trust changes on its training settings page. Where a source fixes a period (HSE
 * first aid certificates: 3 years) it is used; where a source says "regularly" or "at least
 * annually", the period is a Pathways default and the note says so.
 */

import { sourceDocuments } from '../../framework/source-documents.ts';

export type TrainingAppliesTo = 'everyone' | 'as-needed';

export type DefaultTrainingKind = {
  code: string;
  title: string;
  /** Months a completion stays valid; null: it never expires. */
  validityMonths: number | null;
  /** `as-needed`: only staff whose work needs it (e.g. supporting a pupil with that condition). */
  appliesTo: TrainingAppliesTo;
  /** Public source of the kind and its period: a URL, or a citation in words (never an internal file name). */
  source: string;
  /** Published guidance to link to beside a source cited in words. */
  guidance?: { title: string; url: string };
  /** Where the period comes from, and that the trust can change it. */
  note: string;
};

const trustMayChange = 'The trust can change this period on its training settings page.';

const careerFramework = sourceDocuments.find((d) => d.file === '003_02d8b21ed1d9710a.txt')?.citation ?? 'The career framework guidance';

/** The career framework's Appendix 3, cited by the document's name, with the statutory guidance it points to. */
const healthNeeds = {
  source: `${careerFramework}, Appendix 3 "Supporting pupils with health needs": staff supporting pupils with health needs "must be receive adequate training which is regularly reviewed and updated"; it lists the health charities offering training (Asthma UK, Diabetes UK, Epilepsy Action, Young Epilepsy, The Anaphylaxis Campaign).`,
  guidance: {
    title: 'Supporting pupils at school with medical conditions (statutory guidance)',
    url: 'https://www.gov.uk/government/publications/supporting-pupils-at-school-with-medical-conditions--3',
  },
};

const regularlyMeansPathwaysDefault = `The source asks for training that is "regularly reviewed and updated" without a period: 12 months is a Pathways default. ${trustMayChange}`;

export const defaultTrainingKinds: readonly DefaultTrainingKind[] = [
  {
    code: 'safeguarding',
    title: 'Safeguarding and child protection (including online safety)',
    validityMonths: 12,
    appliesTo: 'everyone',
    source: 'https://www.gov.uk/government/publications/keeping-children-safe-in-education--2',
    note: `Keeping children safe in education: safeguarding and child protection training (including online safety) at induction, regularly updated, with updates at least annually. 12 months follows "at least annually". ${trustMayChange}`,
  },
  {
    code: 'health-and-safety',
    title: 'Health and safety',
    validityMonths: 36,
    appliesTo: 'everyone',
    source: 'https://www.hse.gov.uk/services/education/index.htm',
    note: `The Health and Safety at Work etc. Act 1974 requires information, instruction and training without fixing a refresher period: 36 months is a Pathways default. ${trustMayChange}`,
  },
  {
    code: 'first-aid',
    title: 'First aid at work',
    validityMonths: 36,
    appliesTo: 'as-needed',
    source: 'https://www.hse.gov.uk/firstaid/first-aid-training.htm',
    note: `HSE: first aid at work certificates are valid for 3 years. ${trustMayChange}`,
  },
  {
    code: 'paediatric-first-aid',
    title: 'Paediatric first aid (early years)',
    validityMonths: 36,
    appliesTo: 'as-needed',
    source: 'https://www.gov.uk/government/publications/early-years-foundation-stage-framework--2',
    note: `EYFS statutory framework: paediatric first aid training renewed every 3 years. ${trustMayChange}`,
  },
  {
    code: 'online-safety',
    title: 'E-safety and online safety',
    validityMonths: 12,
    appliesTo: 'everyone',
    source: 'https://www.gov.uk/government/publications/keeping-children-safe-in-education--2',
    note: `Keeping children safe in education: online safety is part of safeguarding training, updated at least annually. 12 months follows "at least annually". ${trustMayChange}`,
  },
  {
    code: 'data-protection',
    title: 'Data protection (UK GDPR)',
    validityMonths: 24,
    appliesTo: 'everyone',
    source: 'https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/accountability-and-governance/',
    note: `UK GDPR (accountability) expects staff awareness training without fixing a period: 24 months is a Pathways default. ${trustMayChange}`,
  },
  {
    code: 'asthma',
    title: 'Medical conditions: asthma',
    validityMonths: 12,
    appliesTo: 'as-needed',
    ...healthNeeds,
    note: regularlyMeansPathwaysDefault,
  },
  {
    code: 'epilepsy',
    title: 'Medical conditions: epilepsy',
    validityMonths: 12,
    appliesTo: 'as-needed',
    ...healthNeeds,
    note: regularlyMeansPathwaysDefault,
  },
  {
    code: 'diabetes',
    title: 'Medical conditions: diabetes',
    validityMonths: 12,
    appliesTo: 'as-needed',
    ...healthNeeds,
    note: regularlyMeansPathwaysDefault,
  },
  {
    code: 'anaphylaxis',
    title: 'Medical conditions: anaphylaxis (adrenaline auto-injector)',
    validityMonths: 12,
    appliesTo: 'as-needed',
    ...healthNeeds,
    note: regularlyMeansPathwaysDefault,
  },
];
