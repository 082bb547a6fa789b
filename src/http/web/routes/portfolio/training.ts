import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { NewTrainingKind, TrainingKindChange, TrainingRecordInput, TrainingViewQuery } from '../../../../contracts/portfolio/training.ts';
import type { Actor } from '../../../../domain/policy/actor.ts';
import { expiryWindows } from '../../../../domain/training/expiry.ts';
import type { AppContext } from '../../../../usecases/context.ts';
import { attachmentsOf } from '../../../../usecases/portfolio/attachments.ts';
import { portfolioDeps } from '../../../../usecases/portfolio/deps.ts';
import {
  authorizeRecordingTraining,
  personTraining,
  recordTraining,
  removeTraining,
  schoolTraining,
  schoolTrainingCsv,
} from '../../../../usecases/portfolio/training.ts';
import { addTrainingKind, retireTrainingKind, trainingKindsOf, updateTrainingKind } from '../../../../usecases/portfolio/training-kinds.ts';
import { renderPage } from '../../views.ts';
import { signedInPage } from '../people-page.ts';
import { UPLOAD_ERROR_PARAMS } from './attachments.ts';
import { isInvalidInput, isShownOnForm, registerFormPages } from './form-pages.ts';

const IdParams = z.object({ id: z.string() });
const RecordParams = z.object({ id: z.string(), recordId: z.string() });
const text = z.string().max(1000).optional();
const RecordForm = z.object({
  kindId: text,
  'completedOn-day': text,
  'completedOn-month': text,
  'completedOn-year': text,
  provider: text,
});
type RecordForm = z.infer<typeof RecordForm>;
const SettingsForm = z.object({
  action: z.enum(['update', 'retire', 'restore', 'add']).optional(),
  kindId: text,
  validityMonths: text,
  appliesTo: text,
  title: text,
});
type Errors = Record<string, string>;

const errorListOf = (errors: Errors) => Object.entries(errors).map(([field, message]) => ({ text: message, href: `#${field}` }));
const pad = (value: string | undefined, size: number) => (value ?? '').trim().padStart(size, '0');
const dateOf = (form: RecordForm) =>
  form['completedOn-day'] || form['completedOn-month'] || form['completedOn-year']
    ? `${pad(form['completedOn-year'], 4)}-${pad(form['completedOn-month'], 2)}-${pad(form['completedOn-day'], 2)}`
    : '';
const fieldOf = (where: string) => (where === 'completedOn' ? 'completedOn-day' : where);

const tagOf = (status: { status: string; daysLeft?: number }) => {
  switch (status.status) {
    case 'missing':
      return { text: 'Missing', classes: 'govuk-tag--red' };
    case 'expired':
      return { text: 'Expired', classes: 'govuk-tag--red' };
    case 'expiring':
      return {
        text: status.daysLeft === 0 ? 'Expires today' : `Expires in ${status.daysLeft} day${status.daysLeft === 1 ? '' : 's'}`,
        classes: 'govuk-tag--yellow',
      };
    case 'valid':
      return { text: 'Valid', classes: 'govuk-tag--green' };
    default:
      return { text: 'Not required', classes: 'govuk-tag--grey' };
  }
};

/** The mandatory-training pages: a person's training, a school's view (and CSV), the trust's settings. */
export const registerTrainingPages = (app: FastifyInstance, context: AppContext) => registerFormPages(app, context, trainingPages);

const trainingPages = (app: FastifyInstance, context: AppContext) => {
  const deps = (request: FastifyRequest) => portfolioDeps(context, request.id);

  const showPerson = async (request: FastifyRequest, reply: FastifyReply, actor: Actor, form: RecordForm = {}, errors: Errors = {}) => {
    const { id } = IdParams.parse(request.params);
    const shown = await personTraining(deps(request), actor, id);
    const recordIds = shown.kinds.flatMap((k) => k.history.map((r) => r.id));
    const files = await attachmentsOf(context.database.kysely, shown.person.trustId, 'training', recordIds);
    const query = z.record(z.string(), z.string()).catch({}).parse(request.query);
    const uploadError = query[UPLOAD_ERROR_PARAMS.message];
    const uploadFor = query[UPLOAD_ERROR_PARAMS.owner];
    const allErrors = { ...errors, ...(uploadError && uploadFor ? { [`attachment-file-${uploadFor}`]: uploadError } : {}) };
    return renderPage(
      request,
      reply,
      '../portfolio/training',
      {
        ...shown,
        personId: shown.person.id,
        returnTo: `/people/${shown.person.id}/portfolio/training`,
        maxBytes: context.config.attachmentMaxBytes,
        uploadError,
        uploadFor,
        hasHistory: recordIds.length > 0,
        rows: shown.kinds.map((k) => ({
          ...k,
          tag: tagOf(k.status),
          history: k.history.map((r) => ({ ...r, attachments: files.get(r.id) ?? [] })),
        })),
        kindItems: [
          { value: '', text: 'Choose the training' },
          ...shown.kinds
            .filter((k) => k.kind.retiredAt === null)
            .map((k) => ({ value: k.kind.id, text: k.kind.title, selected: form.kindId === k.kind.id })),
        ],
        form,
        errors: allErrors,
        errorList: errorListOf(allErrors),
      },
      Object.keys(errors).length > 0 ? 400 : 200,
    );
  };

  app.get('/people/:id/portfolio/training', signedInPage(showPerson));

  app.post(
    '/people/:id/portfolio/training',
    signedInPage(async (request, reply, actor) => {
      const { id } = IdParams.parse(request.params);
      const form = RecordForm.catch({}).parse(request.body ?? {});
      const input = TrainingRecordInput.safeParse({ kindId: form.kindId ?? '', completedOn: dateOf(form), provider: form.provider });
      if (!input.success) {
        await authorizeRecordingTraining(deps(request), actor, id);
        const errors = Object.fromEntries(input.error.issues.map((i) => [fieldOf(String(i.path[0] ?? 'kindId')), i.message]).reverse());
        return showPerson(request, reply, actor, form, errors);
      }
      try {
        await recordTraining(deps(request), actor, id, input.data);
      } catch (error) {
        if (isInvalidInput(error))
          return showPerson(request, reply, actor, form, { [fieldOf(error.details[0]?.where ?? 'kindId')]: error.message });
        throw error;
      }
      return reply.redirect(`/people/${encodeURIComponent(id)}/portfolio/training`, 303);
    }),
  );

  app.post(
    '/people/:id/portfolio/training/:recordId/remove',
    signedInPage(async (request, reply, actor) => {
      const { id, recordId } = RecordParams.parse(request.params);
      await removeTraining(deps(request), actor, id, recordId);
      return reply.redirect(`/people/${encodeURIComponent(id)}/portfolio/training`, 303);
    }),
  );

  app.get(
    '/organisations/:id/training',
    signedInPage(async (request, reply, actor) => {
      const { id } = IdParams.parse(request.params);
      const parsed = TrainingViewQuery.safeParse(request.query ?? {});
      const query = parsed.success ? parsed.data : { window: 30 };
      const view = await schoolTraining(deps(request), actor, id, query);
      const shownKinds = view.kind ? [view.kind] : view.kinds;
      return renderPage(request, reply, '../portfolio/training-school', {
        ...view,
        shownKinds,
        csvHref: `/organisations/${view.organisation.id}/training.csv?window=${view.window}${view.kind ? `&kind=${view.kind.id}` : ''}`,
        windowItems: expiryWindows.map((w) => ({ value: String(w), text: `${w} days`, selected: w === view.window })),
        kindItems: [
          { value: '', text: 'All training' },
          ...view.kinds.map((k) => ({ value: k.id, text: k.title, selected: view.kind?.id === k.id })),
        ],
        rows: view.rows.map((row) => ({
          ...row,
          cells: shownKinds.map((k) => {
            const cell = row.cells[k.id];
            const daysLeft = cell?.expiresOn ? Math.round((Date.parse(cell.expiresOn) - Date.parse(view.today)) / 86_400_000) : undefined;
            return { kind: k, ...cell, tag: cell ? tagOf({ status: cell.status, ...(daysLeft !== undefined ? { daysLeft } : {}) }) : null };
          }),
        })),
      });
    }),
  );

  app.get(
    '/organisations/:id/training.csv',
    signedInPage(async (request, reply, actor) => {
      const { id } = IdParams.parse(request.params);
      const parsed = TrainingViewQuery.safeParse(request.query ?? {});
      const file = await schoolTrainingCsv(deps(request), actor, id, parsed.success ? parsed.data : { window: 30 });
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('x-content-type-options', 'nosniff')
        .send(file.csv);
    }),
  );

  const showSettings = async (
    request: FastifyRequest,
    reply: FastifyReply,
    actor: Actor,
    errors: Errors = {},
    values: z.infer<typeof SettingsForm> = {},
  ) => {
    const { id } = IdParams.parse(request.params);
    const shown = await trainingKindsOf(deps(request), actor, id);
    return renderPage(
      request,
      reply,
      '../portfolio/training-settings',
      { ...shown, errors, errorList: errorListOf(errors), values },
      Object.keys(errors).length > 0 ? 400 : 200,
    );
  };

  app.get(
    '/organisations/:id/training/settings',
    signedInPage((request, reply, actor) => showSettings(request, reply, actor)),
  );

  app.post(
    '/organisations/:id/training/settings',
    signedInPage(async (request, reply, actor) => {
      const { id } = IdParams.parse(request.params);
      // Authorizes first, so a refused actor never learns whether a kind exists.
      const { organisation } = await trainingKindsOf(deps(request), actor, id);
      const form = SettingsForm.catch({}).parse(request.body ?? {});
      const kindId = form.kindId ?? '';
      const done = () => reply.redirect(`/organisations/${organisation.id}/training/settings`, 303);
      try {
        if (form.action === 'add') {
          const input = NewTrainingKind.safeParse({
            title: form.title,
            validityMonths: form.validityMonths ?? '',
            appliesTo: form.appliesTo || undefined,
          });
          if (!input.success) {
            const errors = Object.fromEntries(input.error.issues.map((i) => [`new-${String(i.path[0] ?? 'title')}`, i.message]).reverse());
            return showSettings(request, reply, actor, errors, form);
          }
          await addTrainingKind(deps(request), actor, id, input.data);
          return done();
        }
        if (!/^[0-9a-f-]{36}$/i.test(kindId))
          return showSettings(request, reply, actor, { settings: 'Choose the training to change' }, form);
        if (form.action === 'retire' || form.action === 'restore') {
          await retireTrainingKind(deps(request), actor, id, kindId, form.action === 'retire');
          return done();
        }
        const input = TrainingKindChange.safeParse({ validityMonths: form.validityMonths ?? '', appliesTo: form.appliesTo || undefined });
        if (!input.success)
          return showSettings(
            request,
            reply,
            actor,
            { [`validity-${kindId}`]: input.error.issues[0]?.message ?? 'Check the period' },
            form,
          );
        await updateTrainingKind(deps(request), actor, id, kindId, input.data);
        return done();
      } catch (error) {
        if (isShownOnForm(error)) return showSettings(request, reply, actor, { 'new-title': error.message }, form);
        throw error;
      }
    }),
  );
};
