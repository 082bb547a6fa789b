import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isAppError } from '../../../contracts/errors.ts';
import { nations, phases, SchoolInput } from '../../../contracts/organisations.ts';
import type { Actor } from '../../../domain/policy/actor.ts';
import type { AppContext } from '../../../usecases/context.ts';
import {
  authorizeOrganisationChange,
  createSchool,
  showOrganisation,
  updateOrganisation,
} from '../../../usecases/organisations/organisations.ts';
import { listPartnerships } from '../../../usecases/organisations/partnerships.ts';
import { IdParams } from '../../api/people.types.ts';
import { renderNotFound } from '../errors.ts';
import { renderPage } from '../views.ts';
import { pageDeps, signedInPage } from './people-page.ts';

const field = z.string().max(1000).optional();
/** The form as posted, before SchoolInput validates it (kept to re-display on error). */
const FormBody = z.object({ name: field, phase: field, nation: field, urn: field });
type FormValues = z.infer<typeof FormBody>;
type FieldErrors = Record<string, string>;

const formOf = (values: FormValues, errors: FieldErrors) => ({
  values,
  errors,
  errorList: Object.entries(errors).map(([field, text]) => ({ text, href: `#${field}` })),
  phaseItems: [{ value: '', text: 'Choose a phase' }, ...phases.map((p) => ({ value: p, text: p, selected: values.phase === p }))],
  nationItems: nations.map((n) => ({ value: n, text: n, checked: values.nation === n })),
});

const fieldErrorsOf = (issues: { path: PropertyKey[]; message: string }[]): FieldErrors =>
  Object.fromEntries(issues.map((i) => [String(i.path[0] ?? 'name'), i.message]).reverse());

/** Organisation pages: a trust and its schools, a school's details, adding and editing schools, partnerships. */
export const registerOrganisationPages = (app: FastifyInstance, context: AppContext) => {
  const idOf = (request: FastifyRequest) => {
    const parsed = IdParams.safeParse(request.params);
    return parsed.success ? parsed.data.id : undefined;
  };

  app.get(
    '/organisations/:id',
    signedInPage(async (request, reply, actor) => {
      const id = idOf(request);
      if (!id) return renderNotFound(request, reply);
      return renderPage(request, reply, '../organisations/show', await showOrganisation(pageDeps(context, request), actor, id));
    }),
  );

  const renderForm = (
    request: FastifyRequest,
    reply: FastifyReply,
    data: { mode: 'create' | 'edit'; organisation: { id: string; name: string; kind: string }; values: FormValues; errors: FieldErrors },
    status = 200,
  ) => renderPage(request, reply, '../organisations/form', { ...data, ...formOf(data.values, data.errors) }, status);

  const submit = async (request: FastifyRequest, reply: FastifyReply, actor: Actor, mode: 'create' | 'edit') => {
    const id = idOf(request);
    if (!id) return renderNotFound(request, reply);
    const organisation = await authorizeOrganisationChange(
      pageDeps(context, request),
      actor,
      id,
      mode === 'create' ? 'createSchool' : 'update',
    );
    const parsed = FormBody.safeParse(request.body ?? {});
    const values: FormValues = parsed.success ? parsed.data : {};
    const input = SchoolInput.safeParse(organisation.kind === 'trust' && mode === 'edit' ? { ...values, phase: 'other' } : values);
    if (!input.success) return renderForm(request, reply, { mode, organisation, values, errors: fieldErrorsOf(input.error.issues) }, 400);
    try {
      if (mode === 'create') {
        const schoolId = await createSchool(pageDeps(context, request), actor, id, input.data);
        return reply.redirect(`/organisations/${schoolId}`, 303);
      }
      await updateOrganisation(pageDeps(context, request), actor, id, input.data);
      return reply.redirect(`/organisations/${id}`, 303);
    } catch (error) {
      if (isAppError(error) && error.code === 'validation')
        return renderForm(request, reply, { mode, organisation, values, errors: { name: error.message } }, 400);
      throw error;
    }
  };

  app.get(
    '/organisations/:id/schools/new',
    signedInPage(async (request, reply, actor) => {
      const id = idOf(request);
      if (!id) return renderNotFound(request, reply);
      const organisation = await authorizeOrganisationChange(pageDeps(context, request), actor, id, 'createSchool');
      return renderForm(request, reply, { mode: 'create', organisation, values: { nation: organisation.nation ?? undefined }, errors: {} });
    }),
  );
  app.post(
    '/organisations/:id/schools/new',
    signedInPage((request, reply, actor) => submit(request, reply, actor, 'create')),
  );

  app.get(
    '/organisations/:id/edit',
    signedInPage(async (request, reply, actor) => {
      const id = idOf(request);
      if (!id) return renderNotFound(request, reply);
      const organisation = await authorizeOrganisationChange(pageDeps(context, request), actor, id, 'update');
      const values = {
        name: organisation.name,
        phase: organisation.phase ?? undefined,
        nation: organisation.nation ?? undefined,
        urn: organisation.urn ?? undefined,
      };
      return renderForm(request, reply, { mode: 'edit', organisation, values, errors: {} });
    }),
  );
  app.post(
    '/organisations/:id/edit',
    signedInPage((request, reply, actor) => submit(request, reply, actor, 'edit')),
  );

  app.get(
    '/partnerships',
    signedInPage(async (request, reply, actor) =>
      renderPage(request, reply, '../organisations/partnerships', {
        partnerships: await listPartnerships(pageDeps(context, request), actor),
      }),
    ),
  );
};
