import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CpdForm } from '../../../../contracts/portfolio/cpd.ts';
import type { Actor } from '../../../../domain/policy/actor.ts';
import type { AppContext } from '../../../../usecases/context.ts';
import {
  addCpdActivity,
  cpdActivity,
  cpdLog,
  planCpdSuggestion,
  removeCpdActivity,
  updateCpdActivity,
} from '../../../../usecases/portfolio/cpd.ts';
import { portfolioDeps } from '../../../../usecases/portfolio/deps.ts';
import { loadSubject } from '../../../../usecases/progression/stored-person.ts';
import { renderPage } from '../../views.ts';
import { signedInPage } from '../people-page.ts';
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
import { formFieldsOf, isInvalidInput, registerFormPages } from './form-pages.ts';
import { browseOf, type PickerBrowse, pickerOf } from './item-picker.ts';

const PersonParams = z.object({ id: z.string().max(100) });
const ActivityParams = z.object({ id: z.string().max(100), activityId: z.string().max(100) });
const EditQuery = z.object({ done: z.string().max(10).optional().catch(undefined) });
const SuggestionBody = z.object({ ref: z.string().max(200).default('') });

const base = (personId: string) => `/people/${personId}/portfolio/cpd`;

const pages = async (app: FastifyInstance, context: AppContext) => {
  const deps = (request: FastifyRequest) => portfolioDeps(context, request.id);

  const renderForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    view: {
      personId: string;
      personName: string;
      activityId: string | null;
      values: CpdFormValues;
      errors: ReturnType<typeof cpdFormErrors>;
      /** What the item picker shows (its "Filter items" button posts the form). */
      browse?: PickerBrowse;
    },
  ) =>
    renderPage(
      request,
      reply,
      '../portfolio/cpd-form',
      {
        ...view,
        fieldErrors: fieldErrorsOf(view.errors),
        kindItems: kindItems(view.values.kind),
        picker: pickerOf(deps(request).catalogue, {
          ticked: view.values.itemCodes.split(/[\s,]+/).filter(Boolean),
          ...(view.browse ?? { filter: '' }),
        }),
        action: view.activityId ? `${base(view.personId)}/${view.activityId}` : `${base(view.personId)}/new`,
      },
      view.errors.length > 0 ? 400 : 200,
    );

  /** Parses the form, then saves through the use-case; field errors from either re-render the form. */
  const save = async (request: FastifyRequest, reply: FastifyReply, actor: Actor, personId: string, activityId: string | null) => {
    const subject = await loadSubject(deps(request), actor, personId, 'person.editPortfolio');
    const body = formFieldsOf(request);
    const values = valuesOfBody(body);
    const view = { personId: subject.id, personName: subject.name, activityId, values, browse: browseOf(body) };
    // Filtering the linked items re-shows the form with everything typed; nothing is saved.
    if (body.action === 'filter') return renderForm(request, reply, { ...view, errors: [] });
    const form = CpdForm.safeParse(body);
    if (!form.success) {
      return renderForm(request, reply, {
        ...view,
        errors: cpdFormErrors(form.error.issues.map((i) => ({ where: i.path.map(String).join('.'), reason: i.message }))),
      });
    }
    try {
      if (activityId) await updateCpdActivity(deps(request), actor, subject.id, activityId, form.data);
      else await addCpdActivity(deps(request), actor, subject.id, form.data);
    } catch (error) {
      if (isInvalidInput(error)) return renderForm(request, reply, { ...view, errors: cpdFormErrors(error.details) });
      throw error;
    }
    return reply.redirect(`${base(subject.id)}#${form.data.status === 'planned' ? 'planned' : 'log'}`, 303);
  };

  app.get(
    '/people/:id/portfolio/cpd',
    signedInPage(async (request, reply, actor) => {
      const { id } = PersonParams.parse(request.params);
      const log = await cpdLog(deps(request), actor, id);
      return renderPage(request, reply, '../portfolio/cpd', {
        personId: log.person.id,
        personName: log.person.name,
        isSelf: actor.personId === log.person.id,
        canEdit: log.canEdit,
        ...logView(deps(request).catalogue, log),
      });
    }),
  );

  app.get(
    '/people/:id/portfolio/cpd/new',
    signedInPage(async (request, reply, actor) => {
      const { id } = PersonParams.parse(request.params);
      const subject = await loadSubject(deps(request), actor, id, 'person.editPortfolio');
      return renderForm(request, reply, {
        personId: subject.id,
        personName: subject.name,
        activityId: null,
        values: emptyValues,
        errors: [],
      });
    }),
  );

  app.post(
    '/people/:id/portfolio/cpd/new',
    signedInPage(async (request, reply, actor) => save(request, reply, actor, PersonParams.parse(request.params).id, null)),
  );

  app.get(
    '/people/:id/portfolio/cpd/:activityId',
    signedInPage(async (request, reply, actor) => {
      const { id, activityId } = ActivityParams.parse(request.params);
      const subject = await loadSubject(deps(request), actor, id, 'person.editPortfolio');
      const activity = await cpdActivity(deps(request), actor, subject.id, activityId);
      const markDone = EditQuery.parse(request.query).done === 'yes' && activity.status === 'planned';
      return renderForm(request, reply, {
        personId: subject.id,
        personName: subject.name,
        activityId: activity.id,
        values: valuesOfActivity(activity, markDone ? 'done' : undefined),
        errors: [],
      });
    }),
  );

  app.post(
    '/people/:id/portfolio/cpd/:activityId',
    signedInPage(async (request, reply, actor) => {
      const { id, activityId } = ActivityParams.parse(request.params);
      return save(request, reply, actor, id, activityId);
    }),
  );

  app.post(
    '/people/:id/portfolio/cpd/:activityId/remove',
    signedInPage(async (request, reply, actor) => {
      const { id, activityId } = ActivityParams.parse(request.params);
      await removeCpdActivity(deps(request), actor, id, activityId);
      return reply.redirect(base(id), 303);
    }),
  );

  app.post(
    '/people/:id/portfolio/cpd/suggestions',
    signedInPage(async (request, reply, actor) => {
      const { id } = PersonParams.parse(request.params);
      const { ref } = SuggestionBody.parse(formFieldsOf(request));
      await planCpdSuggestion(deps(request), actor, id, ref);
      return reply.redirect(`${base(id)}#planned`, 303);
    }),
  );
};

/** The CPD log: the log by academic year, the plan, the framework's suggestions, and the add and edit forms. */
export const registerCpdPages = (app: FastifyInstance, context: AppContext) => registerFormPages(app, context, pages);
