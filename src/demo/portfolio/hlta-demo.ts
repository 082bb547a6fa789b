import type { Kysely } from 'kysely';
import type { Catalogue } from '../../framework/catalogue.ts';
import { audit } from '../../store/audit.ts';
import { hltaFile } from '../../store/hlta-file.ts';
import type { Tables } from '../../store/tables.ts';
import { HLTA_FRAMEWORK } from '../../usecases/portfolio/hlta-preparation.ts';

/**
 * Seeds a demo candidate's HLTA evidence file from the evidence already seeded for them: under each
 * HLTA standard, the first of their own evidence items that claims it (claim not returned), so the
 * "Prepare for HLTA" page shows numbered documents next to standards still missing. Run after the
 * evidence demo. Returns how many standards received a document.
 */
export const seedDemoHltaFile = async (
  trx: Kysely<Tables>,
  options: {
    trustId: string;
    auditKey: Uint8Array;
    catalogue: Catalogue;
    people: { candidate: { personId: string; userId: string } };
    newId?: () => string;
  },
): Promise<{ standardsFiled: number }> => {
  const newId = options.newId ?? (() => crypto.randomUUID());
  const { trustId } = options;
  const { candidate } = options.people;
  const codes = options.catalogue.items({ framework: HLTA_FRAMEWORK, kind: 'standard' }).map((i) => i.code);
  const store = hltaFile(trx);
  const candidates = await store.candidates(trustId, candidate.personId, codes);
  let standardsFiled = 0;
  for (const code of codes) {
    const first = candidates.get(code)?.[0];
    if (!first) continue;
    await store.replace({ trustId, personId: candidate.personId, standardCode: code, evidenceIds: [first.evidenceId] }, newId);
    await audit(trx, options.auditKey).record({
      trustId,
      actor: candidate.userId,
      action: 'hltaFile.updated',
      entity: 'person',
      entityId: candidate.personId,
      data: { standardCode: code, before: [], after: [first.evidenceId], demo: true },
    });
    standardsFiled += 1;
  }
  return { standardsFiled };
};
