import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { IdParams } from '../../../contracts/api/people.ts';
import { nations, phases } from '../../../contracts/organisations.ts';
import {
  type OrganisationFormMode,
  type OrganisationFormPage,
  organisationFormPage,
  saveOrganisationForm,
} from '../../../usecases/organisations/organisation-form.ts';
import { showOrganisation } from '../../../usecases/organisations/organisations.ts';
import { listPartnerships } from '../../../usecases/organisations/partnerships.ts';
import { defineForm, type FormErrors, paramsOf, renderForm, renderPage, type SignedIn, signedInPage } from '../kit/index.ts';

const field = z.string().max(1000).optional();
/** The form as posted; the school contract checks it in the use-case, which knows whether a phase is asked. */
const OrganisationForm = defineForm(z.object({ name: field, phase: field, nation: field, urn: field }));

const renderOrganisationForm = (page: SignedIn, form: OrganisationFormPage, errors?: FormErrors) => {
  const { values } = form;
  return renderForm(
    page,
    '../organisations/form',
    {
      ...form,
      phaseItems: [{ value: '', text: 'Choose a phase' }, ...phases.map((p) => ({ value: p, text: p, selected: values.phase === p }))],
      nationItems: nations.map((n) => ({ value: n, text: n, checked: values.nation === n })),
    },
    errors,
  );
};

/** Organisation pages: a trust and its schools, a school's details, adding and editing schools, partnerships. */
export const registerOrganisationPages = (app: FastifyInstance) => {
  app.get(
    '/organisations/:id',
    signedInPage(async ({ request, reply, actor, deps }) =>
      renderPage(request, reply, '../organisations/show', await showOrganisation(deps, actor, paramsOf(IdParams, request).id)),
    ),
  );

  const submit = async (page: SignedIn, mode: OrganisationFormMode) => {
    const { request, reply, actor, deps } = page;
    const { id } = paramsOf(IdParams, request);
    const form = OrganisationForm.parse(request.body);
    const values = form.ok ? form.values : {};
    try {
      const { organisationId } = await saveOrganisationForm(deps, actor, id, mode, values);
      return reply.redirectWithFlash(`/organisations/${organisationId}`, mode === 'create' ? 'School added' : 'Details saved');
    } catch (error) {
      if (!OrganisationForm.refuses(error)) throw error;
      const shown = await organisationFormPage(deps, actor, id, mode);
      return renderOrganisationForm(page, { ...shown, values }, OrganisationForm.errorsOf(error));
    }
  };

  for (const [path, mode] of [
    ['/organisations/:id/schools/new', 'create'],
    ['/organisations/:id/edit', 'edit'],
  ] as const) {
    app.get(
      path,
      signedInPage(async (page) =>
        renderOrganisationForm(page, await organisationFormPage(page.deps, page.actor, paramsOf(IdParams, page.request).id, mode)),
      ),
    );
    app.post(
      path,
      signedInPage((page) => submit(page, mode)),
    );
  }

  app.get(
    '/partnerships',
    signedInPage(async ({ request, reply, actor, deps }) =>
      renderPage(request, reply, '../organisations/partnerships', { partnerships: await listPartnerships(deps, actor) }),
    ),
  );
};
