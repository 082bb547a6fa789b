import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { NewTrainingKind, TrainingKindChange, TrainingRecordInput, TrainingViewQuery } from '../../../../contracts/portfolio/training.ts';
import { uploadRules } from '../../../../domain/attachments/upload-picker.ts';
import { expiryWindows } from '../../../../domain/training/expiry.ts';
import type { AppContext } from '../../../../usecases/context.ts';
import {
  changeTrainingKindOnPage,
  type PersonTrainingPage,
  personTrainingPage,
  recordTrainingOnPage,
  schoolTrainingPage,
  type TrainingKindCommand,
  trainingSettingsPage,
} from '../../../../usecases/portfolio/pages/training-pages.ts';
import { removeTraining, schoolTrainingCsv } from '../../../../usecases/portfolio/training.ts';
import {
  dateInput,
  defineForm,
  type FormErrors,
  hasErrors,
  noErrors,
  type Posted,
  paramsOf,
  postedText,
  queryOf,
  renderPage,
  signedInPage,
} from '../../kit/index.ts';
import { UPLOAD_ERROR_PARAMS } from './attachments.ts';

const IdParams = z.object({ id: z.string() });
const RecordParams = z.object({ id: z.string(), recordId: z.string() });
const text = z.string().max(1000).optional();
/** The completion form: the contract's fields, the date as a GOV.UK date input. */
const RecordForm = defineForm(
  z.object({
    kindId: TrainingRecordInput.shape.kindId,
    completedOn: dateInput(TrainingRecordInput.shape.completedOn.clone(), { name: 'The date completed' }),
    provider: TrainingRecordInput.shape.provider,
  }),
);
const SettingsForm = z.object({
  action: z.enum(['update', 'retire', 'restore', 'add']).optional(),
  kindId: text,
  validityMonths: text,
  appliesTo: text,
  title: text,
});
type Errors = Record<string, string>;

const errorListOf = (errors: Errors) => Object.entries(errors).map(([field, message]) => ({ text: message, href: `#${field}` }));

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
export const registerTrainingPages = (app: FastifyInstance, context: AppContext) => {
  const UploadQuery = z.object({
    [UPLOAD_ERROR_PARAMS.message]: z.string().max(300).optional().catch(undefined),
    [UPLOAD_ERROR_PARAMS.owner]: z.string().max(100).optional().catch(undefined),
  });

  const showPerson = (
    request: FastifyRequest,
    reply: FastifyReply,
    shown: PersonTrainingPage,
    posted: Posted = {},
    errors: FormErrors = noErrors(),
  ) => {
    const query = queryOf(UploadQuery, request).query;
    const uploadError = query[UPLOAD_ERROR_PARAMS.message];
    const uploadFor = query[UPLOAD_ERROR_PARAMS.owner];
    const uploadField = `attachment-file-${uploadFor}`;
    const errorList = [
      ...errors.errorList,
      ...(uploadError && uploadFor ? [{ field: uploadField, href: `#${uploadField}`, text: uploadError }] : []),
    ];
    return renderPage(
      request,
      reply,
      '../portfolio/training',
      {
        ...shown,
        personId: shown.person.id,
        returnTo: `/people/${shown.person.id}/portfolio/training`,
        upload: uploadRules(context.config.attachmentMaxBytes),
        uploadError,
        uploadFor,
        hasHistory: shown.kinds.some((k) => k.history.length > 0),
        rows: shown.kinds.map((k) => ({
          ...k,
          tag: tagOf(k.status),
          history: k.history.map((r) => ({ ...r, attachments: shown.files.get(r.id) ?? [] })),
        })),
        kindItems: [
          { value: '', text: 'Choose the training' },
          ...shown.kinds
            .filter((k) => k.kind.retiredAt === null)
            .map((k) => ({ value: k.kind.id, text: k.kind.title, selected: postedText(posted, 'kindId') === k.kind.id })),
        ],
        posted,
        fieldErrors: errors.fieldErrors,
        errorList,
      },
      hasErrors(errors) ? 400 : 200,
    );
  };

  app.get(
    '/people/:id/portfolio/training',
    signedInPage(async ({ request, reply, actor, deps }) =>
      showPerson(request, reply, await personTrainingPage(deps, actor, paramsOf(IdParams, request).id)),
    ),
  );

  app.post(
    '/people/:id/portfolio/training',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id } = paramsOf(IdParams, request);
      const form = RecordForm.parse(request.body);
      if (!form.ok)
        return showPerson(request, reply, await personTrainingPage(deps, actor, id, { forRecording: true }), form.posted, form.errors);
      const outcome = await recordTrainingOnPage(deps, actor, id, form.values);
      if (!outcome.saved) return showPerson(request, reply, outcome.page, form.posted, RecordForm.errorsOf(outcome.refusal));
      return reply.redirectWithFlash(`/people/${encodeURIComponent(id)}/portfolio/training`, 'Training recorded');
    }),
  );

  app.post(
    '/people/:id/portfolio/training/:recordId/remove',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id, recordId } = paramsOf(RecordParams, request);
      await removeTraining(deps, actor, id, recordId);
      return reply.redirectWithFlash(`/people/${encodeURIComponent(id)}/portfolio/training`, 'Training record removed');
    }),
  );

  app.get(
    '/organisations/:id/training',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id } = paramsOf(IdParams, request);
      const parsed = TrainingViewQuery.safeParse(request.query ?? {});
      const view = await schoolTrainingPage(deps, actor, id, parsed.success ? parsed.data : { window: 30 });
      return renderPage(request, reply, '../portfolio/training-school', {
        ...view,
        csvHref: `/organisations/${view.organisation.id}/training.csv?window=${view.window}${view.kind ? `&kind=${view.kind.id}` : ''}`,
        windowItems: expiryWindows.map((w) => ({ value: String(w), text: `${w} days`, selected: w === view.window })),
        kindItems: [
          { value: '', text: 'All training' },
          ...view.kinds.map((k) => ({ value: k.id, text: k.title, selected: view.kind?.id === k.id })),
        ],
        rows: view.rows.map((row) => ({
          ...row,
          cells: row.cells.map(({ kind, cell }) => ({
            kind,
            ...cell,
            tag: cell ? tagOf({ status: cell.status, ...(cell.daysLeft !== undefined ? { daysLeft: cell.daysLeft } : {}) }) : null,
          })),
        })),
      });
    }),
  );

  app.get(
    '/organisations/:id/training.csv',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id } = paramsOf(IdParams, request);
      const parsed = TrainingViewQuery.safeParse(request.query ?? {});
      const file = await schoolTrainingCsv(deps, actor, id, parsed.success ? parsed.data : { window: 30 });
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('x-content-type-options', 'nosniff')
        .send(file.csv);
    }),
  );

  const showSettings = (
    request: FastifyRequest,
    reply: FastifyReply,
    shown: Awaited<ReturnType<typeof trainingSettingsPage>>,
    errors: Errors = {},
    values: z.infer<typeof SettingsForm> = {},
  ) =>
    renderPage(
      request,
      reply,
      '../portfolio/training-settings',
      { ...shown, errors, errorList: errorListOf(errors), values },
      Object.keys(errors).length > 0 ? 400 : 200,
    );

  app.get(
    '/organisations/:id/training/settings',
    signedInPage(async ({ request, reply, actor, deps }) =>
      showSettings(request, reply, await trainingSettingsPage(deps, actor, paramsOf(IdParams, request).id)),
    ),
  );

  app.post(
    '/organisations/:id/training/settings',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id } = paramsOf(IdParams, request);
      const form = SettingsForm.catch({}).parse(request.body ?? {});
      const kindId = form.kindId ?? '';
      // A form that does not read is shown again on the page, which authorizes first, so a refused actor never learns whether a kind exists.
      const refused = async (errors: Errors) => showSettings(request, reply, await trainingSettingsPage(deps, actor, id), errors, form);
      let command: TrainingKindCommand;
      if (form.action === 'add') {
        const input = NewTrainingKind.safeParse({
          title: form.title,
          validityMonths: form.validityMonths ?? '',
          appliesTo: form.appliesTo || undefined,
        });
        if (!input.success)
          return refused(Object.fromEntries(input.error.issues.map((i) => [`new-${String(i.path[0] ?? 'title')}`, i.message]).reverse()));
        command = { action: 'add', kind: input.data };
      } else if (!/^[0-9a-f-]{36}$/i.test(kindId)) {
        return refused({ settings: 'Choose the training to change' });
      } else if (form.action === 'retire' || form.action === 'restore') {
        command = { action: form.action, kindId };
      } else {
        const input = TrainingKindChange.safeParse({ validityMonths: form.validityMonths ?? '', appliesTo: form.appliesTo || undefined });
        if (!input.success) return refused({ [`validity-${kindId}`]: input.error.issues[0]?.message ?? 'Check the period' });
        command = { action: 'update', kindId, change: input.data };
      }
      const outcome = await changeTrainingKindOnPage(deps, actor, id, command);
      if (!outcome.saved) return showSettings(request, reply, outcome.page, { 'new-title': outcome.refusal.message }, form);
      return reply.redirectWithFlash(`/organisations/${encodeURIComponent(id)}/training/settings`, settingsBanners[command.action]);
    }),
  );
};

const settingsBanners: Record<TrainingKindCommand['action'], string> = {
  add: 'Training added',
  retire: 'Training retired',
  restore: 'Training brought back',
  update: 'Validity period saved',
};
