import { AppError } from '../../contracts/errors.ts';
import { PartnerInput } from '../../contracts/partnerships.ts';
import { detailsFromZod } from '../../contracts/zod-issues.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { audit } from '../../store/audit.ts';
import { partnerOrganisations } from '../../store/partnerships/partners.ts';
import { authorizePartnership } from './access.ts';
import { newIdOf, type PartnershipDeps } from './deps.ts';

/** The form to add a partner: the platform schools of the partnership's trusts not yet in it (partnership.manage). */
export const partnerFormOptions = async (deps: PartnershipDeps, actor: Actor | Anonymous, partnershipId: string) => {
  const { partnership } = await authorizePartnership(deps, actor, partnershipId, 'partnership.manage');
  return { partnership, schools: await partnerOrganisations(deps.db).candidateSchools(partnership.id, partnership.memberTrustIds) };
};

/**
 * Adds an organisation to a partnership (partnership.manage): a platform school of one of its trusts,
 * or an external one (no accounts) with its phase, sector and postcode area. One audit event.
 */
export const addPartner = async (deps: PartnershipDeps, actor: Actor | Anonymous, partnershipId: string, input: unknown) => {
  const { user, partnership } = await authorizePartnership(deps, actor, partnershipId, 'partnership.manage');
  const parsed = PartnerInput.safeParse(input);
  if (!parsed.success) throw new AppError('validation', 'Check the organisation', detailsFromZod(parsed.error));
  const store = partnerOrganisations(deps.db);
  const value = parsed.data;
  let partner: { name: string; phase: string; sector: typeof value.sector; organisationId: string | null; postcodeArea: string | null };
  if (value.source === 'platform') {
    const school = (await store.candidateSchools(partnership.id, partnership.memberTrustIds)).find((s) => s.id === value.organisationId);
    if (!school)
      throw new AppError('validation', 'Check the organisation', [
        { where: 'organisationId', reason: 'Choose a school of the partnership’s trusts that is not in it yet' },
      ]);
    partner = { name: school.name, phase: school.phase ?? 'other', sector: value.sector, organisationId: school.id, postcodeArea: null };
  } else {
    partner = {
      name: value.name,
      phase: value.phase,
      sector: value.sector,
      organisationId: null,
      postcodeArea: value.postcodeArea ?? null,
    };
  }
  if (await store.nameTaken(partnership.id, partner.name))
    throw new AppError('conflict', 'Check the organisation', [{ where: 'name', reason: `${partner.name} is already in this partnership` }]);
  const id = newIdOf(deps);
  await deps.db.transaction().execute(async (trx) => {
    await partnerOrganisations(trx).insert({ id, partnershipId: partnership.id, ...partner });
    await audit(trx, deps.auditKey).record(
      ...(partnership.memberTrustIds.length > 0 ? partnership.memberTrustIds : [null]).map((trustId) => ({
        trustId,
        actor: user.userId,
        action: 'partner.added' as const,
        entity: 'partnership',
        entityId: partnership.id,
        data: { partnerId: id, before: null, after: { ...partner } },
        requestId: deps.requestId ?? null,
      })),
    );
  });
  return { id };
};
