import type { Kysely } from 'kysely';
import type { Catalogue } from '../../framework/catalogue.ts';
import type { FileStore } from '../../store/file-store.ts';
import type { Tables } from '../../store/tables.ts';
import { seedDemoAchievements } from './achievements-demo.ts';
import { seedDemoAttachments } from './attachments-demo.ts';
import { seedDemoCpd } from './cpd-demo.ts';
import { seedDemoEvidence } from './evidence-demo.ts';
import { seedDemoHltaFile } from './hlta-demo.ts';
import { seedDemoTraining } from './training-demo.ts';

export type DemoPortfolioPerson = { personId: string; name: string; userId?: string };

export type DemoPortfolioInput = {
  trustId: string;
  clock: () => Date;
  auditKey: Uint8Array;
  catalogue: Catalogue;
  files: FileStore;
  /** Everyone in the demo trust, in a stable order (training records are spread across them). */
  everyone: readonly DemoPortfolioPerson[];
  /** The teaching assistant with an account whose portfolio the demo shows, and her line manager. */
  staff: Required<DemoPortfolioPerson>;
  lineManager: Required<DemoPortfolioPerson>;
  /** Who recorded qualifications and training on others' behalf (the trust's HR lead). */
  administrator: Required<DemoPortfolioPerson>;
  /** Teaching assistants who get qualifications and certificates. */
  assistants: readonly DemoPortfolioPerson[];
};

/**
 * A lived-in portfolio for the demo trust: qualifications with certificate files, evidence decided
 * and awaiting a decision, the HLTA evidence file begun, a CPD log over two years with a review at
 * mid-year, and mandatory training with some records expired or expiring. Runs in the demo's transaction.
 */
export const seedDemoPortfolio = async (trx: Kysely<Tables>, input: DemoPortfolioInput): Promise<void> => {
  const { trustId, clock, auditKey } = input;
  const held = await seedDemoAchievements(trx, {
    trustId,
    clock,
    auditKey,
    people: input.assistants,
    recordedBy: input.administrator.userId,
  });
  const certificates = input.assistants.flatMap((person) => {
    const first = held.get(person.personId)?.find((a) => a.details.kind === 'qualification');
    if (first?.details.kind !== 'qualification') return [];
    const { qualificationId } = first.details;
    const title =
      first.details.title ?? (qualificationId ? input.catalogue.qualification(qualificationId)?.title : undefined) ?? 'Qualification';
    return [
      {
        personId: person.personId,
        personName: person.name,
        ownerKind: 'achievement' as const,
        ownerId: first.id,
        uploadedBy: input.administrator.userId,
        title,
        awardedOn: first.details.achievedOn,
      },
    ];
  });
  await seedDemoAttachments(trx, { trustId, clock, auditKey, files: input.files, certificates });
  await seedDemoEvidence(trx, { trustId, clock, auditKey, people: { staff: input.staff, lineManager: input.lineManager } });
  await seedDemoHltaFile(trx, { trustId, auditKey, catalogue: input.catalogue, people: { candidate: input.staff } });
  await seedDemoCpd(trx, { trustId, clock, auditKey, people: { staff: input.staff, manager: input.lineManager } });
  await seedDemoTraining(trx, { trustId, clock, auditKey, people: [...input.everyone], recordedBy: input.administrator.userId });
};
