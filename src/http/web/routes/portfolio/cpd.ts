import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CpdForm } from '../../../../contracts/portfolio/cpd.ts';
import type { Actor } from '../../../../domain/policy/actor.ts';
import { planCpdSuggestion, removeCpdActivity } from '../../../../usecases/portfolio/cpd.ts';
import { type CpdFormPage, cpdFormPage, cpdLogPage, saveCpdActivityOnPage } from '../../../../usecases/portfolio/pages/cpd-pages.ts';
import { type PageDeps, paramsOf, postedOf, queryOf, renderPage, signedInPage } from '../../kit/index.ts';
import {
  type CpdFormValues,
  cpdFormErrors,
  emptyValues,
  fieldErrorsOf,
  kindItems,
  logView,
  valuesOfActivity,
  valuesOfBody,
} from './cpd-view.ts';
import { browseOf, type PickerBrowse, pickerOf } from './item-picker.ts';

const PersonParams = z.object({ id: z.string().max(100) });
const ActivityParams = z.object({ id: z.string().max(100), activityId: z.string().max(100) });
const EditQuery = z.object({ done: z.string().max(10).optional().catch(undefined) });
const SuggestionBody = z.object({ ref: z.string().max(200).catch('') });

const base = (personId: string) => `/people/${personId}/portfolio/cpd`;

/** The CPD log: the log by academic year, the plan, the framework's suggestions, and the add and edit forms. */
export const registerCpdPages = (app: FastifyInstance) => {
  const renderForm = (
    request: FastifyRequest,
    reply: FastifyReply,
    deps: PageDeps,
    page: CpdFormPage,
    view: {
      activityId: string | null;
      values: CpdFormValues;
      errors?: ReturnType<typeof cpdFormErrors>;
      /** What the item picker shows (its "Filter items" button posts the form). */
      browse?: PickerBrowse;
    },
  ) => {
    const errors = view.errors ?? [];
    return renderPage(
      request,
      reply,
      '../portfolio/cpd-form',
      {
        personId: page.person.id,
        personName: page.person.name,
        activityId: view.activityId,
        values: view.values,
        errors,
        fieldErrors: fieldErrorsOf(errors),
        kindItems: kindItems(view.values.kind),
        picker: pickerOf(deps.catalogue, {
          ticked: view.values.itemCodes.split(/[\s,]+/).filter(Boolean),
          ...(view.browse ?? { filter: '' }),
        }),
        action: view.activityId ? `${base(page.person.id)}/${view.activityId}` : `${base(page.person.id)}/new`,
      },
      errors.length > 0 ? 400 : 200,
    );
  };

  /** Reads the form, then saves through the use-case; field errors from either re-show the form with everything typed. */
  const save = async (
    request: FastifyRequest,
    reply: FastifyReply,
    deps: PageDeps,
    actor: Actor,
    personId: string,
    activityId: string | null,
  ) => {
    const body = postedOf(request.body);
    const view = { activityId, values: valuesOfBody(body), browse: browseOf(body) };
    // Filtering the linked items re-shows the form with everything typed; nothing is saved.
    if (body.action === 'filter') return renderForm(request, reply, deps, await cpdFormPage(deps, actor, personId), view);
    const form = CpdForm.safeParse(body);
    if (!form.success)
      return renderForm(request, reply, deps, await cpdFormPage(deps, actor, personId), {
        ...view,
        errors: cpdFormErrors(form.error.issues.map((i) => ({ where: i.path.map(String).join('.'), reason: i.message }))),
      });
    const outcome = await saveCpdActivityOnPage(deps, actor, personId, activityId, form.data);
    if (!outcome.saved) return renderForm(request, reply, deps, outcome.page, { ...view, errors: cpdFormErrors(outcome.refusal.details) });
    const planned = form.data.status === 'planned';
    return reply.redirectWithFlash(
      `${base(personId)}#${planned ? 'planned' : 'log'}`,
      planned ? 'Activity saved in the plan' : activityId ? 'Activity saved' : 'Activity recorded in the CPD log',
    );
  };

  app.get(
    '/people/:id/portfolio/cpd',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id } = paramsOf(PersonParams, request);
      const log = await cpdLogPage(deps, actor, id);
      return renderPage(request, reply, '../portfolio/cpd', {
        personId: log.person.id,
        personName: log.person.name,
        isSelf: log.self,
        canEdit: log.canEdit,
        ...logView(deps.catalogue, log),
      });
    }),
  );

  app.get(
    '/people/:id/portfolio/cpd/new',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id } = paramsOf(PersonParams, request);
      return renderForm(request, reply, deps, await cpdFormPage(deps, actor, id), { activityId: null, values: emptyValues });
    }),
  );

  app.post(
    '/people/:id/portfolio/cpd/new',
    signedInPage(async ({ request, reply, actor, deps }) => save(request, reply, deps, actor, paramsOf(PersonParams, request).id, null)),
  );

  app.get(
    '/people/:id/portfolio/cpd/:activityId',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id, activityId } = paramsOf(ActivityParams, request);
      const page = await cpdFormPage(deps, actor, id, activityId, { markDone: queryOf(EditQuery, request).query.done === 'yes' });
      const activity = page.activity;
      if (!activity) return reply.redirect(base(page.person.id), 303);
      return renderForm(request, reply, deps, page, {
        activityId: activity.id,
        values: valuesOfActivity(activity, page.markingDone ? 'done' : undefined),
      });
    }),
  );

  app.post(
    '/people/:id/portfolio/cpd/:activityId',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id, activityId } = paramsOf(ActivityParams, request);
      return save(request, reply, deps, actor, id, activityId);
    }),
  );

  app.post(
    '/people/:id/portfolio/cpd/:activityId/remove',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id, activityId } = paramsOf(ActivityParams, request);
      await removeCpdActivity(deps, actor, id, activityId);
      return reply.redirectWithFlash(base(id), 'Activity removed');
    }),
  );

  app.post(
    '/people/:id/portfolio/cpd/suggestions',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id } = paramsOf(PersonParams, request);
      const { ref } = SuggestionBody.parse(postedOf(request.body));
      await planCpdSuggestion(deps, actor, id, ref);
      return reply.redirectWithFlash(`${base(id)}#planned`, 'Suggestion added to the plan');
    }),
  );
};
