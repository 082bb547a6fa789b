import { AppError } from '../../contracts/errors.ts';
import { SchoolInput } from '../../contracts/organisations.ts';
import type { Actor } from '../../domain/policy/actor.ts';
import { authorizeOrganisationChange, createSchool, type OrganisationDeps, updateOrganisation } from './organisations.ts';

export type OrganisationFormMode = 'create' | 'edit';

/** The form's fields as typed (strings, any of them missing). */
export type OrganisationFormValues = {
  name?: string | undefined;
  phase?: string | undefined;
  nation?: string | undefined;
  urn?: string | undefined;
};

/** The "add a school" or "change details" page: whose form it is, which fields it asks for, and their values. */
export type OrganisationFormPage = {
  mode: OrganisationFormMode;
  organisation: { id: string; name: string; kind: string };
  /** A trust has no phase and no URN: only schools (and new schools) are asked for them. */
  asks: { phase: boolean; urn: boolean };
  values: OrganisationFormValues;
};

/** The form page for adding a school to a trust (`create`) or changing an organisation's details (`edit`), after the permission check. */
export const organisationFormPage = async (
  deps: OrganisationDeps,
  actor: Actor,
  id: string,
  mode: OrganisationFormMode,
): Promise<OrganisationFormPage> => {
  const organisation = await authorizeOrganisationChange(deps, actor, id, mode === 'create' ? 'createSchool' : 'update');
  const school = mode === 'create' || organisation.kind === 'school';
  const values: OrganisationFormValues =
    mode === 'create'
      ? { nation: organisation.nation ?? undefined }
      : {
          name: organisation.name,
          phase: organisation.phase ?? undefined,
          nation: organisation.nation ?? undefined,
          urn: organisation.urn ?? undefined,
        };
  return {
    mode,
    organisation: { id: organisation.id, name: organisation.name, kind: organisation.kind },
    asks: { phase: school, urn: school },
    values,
  };
};

/**
 * Saves the form: a new school in the trust, or the organisation's changed details. The fields are
 * checked against the school contract (a trust's phase is not asked, and not stored); every problem
 * is refused at once, each with the field it belongs to. Returns the organisation to show next.
 */
export const saveOrganisationForm = async (
  deps: OrganisationDeps,
  actor: Actor,
  id: string,
  mode: OrganisationFormMode,
  values: OrganisationFormValues,
): Promise<{ organisationId: string }> => {
  const page = await organisationFormPage(deps, actor, id, mode);
  if (mode === 'create' && page.organisation.kind !== 'trust')
    throw new AppError('validation', 'Schools are added to a trust', [{ where: 'name', reason: 'Schools are added to a trust' }]);
  const input = SchoolInput.safeParse(page.asks.phase ? values : { ...values, phase: 'other' });
  if (!input.success)
    throw new AppError(
      'validation',
      'Check the details',
      input.error.issues.map((i) => ({ where: String(i.path[0] ?? 'name'), reason: i.message })),
    );
  if (mode === 'create') return { organisationId: await createSchool(deps, actor, id, input.data) };
  await updateOrganisation(deps, actor, id, input.data);
  return { organisationId: id };
};
