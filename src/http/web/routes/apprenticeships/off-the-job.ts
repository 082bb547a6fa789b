import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  decideOffTheJobEntry,
  logOffTheJob,
  type OffTheJobPage,
  offTheJobHref,
  readOffTheJob,
  readOffTheJobEntry,
  recordEvidenceTime,
  updateOffTheJobEntry,
} from '../../../../usecases/apprenticeships/off-the-job.ts';
import { otjActHoursCsv } from '../../../../usecases/apprenticeships/off-the-job-ilr.ts';
import {
  dateFieldsOf,
  dateInput,
  defineForm,
  type FormErrors,
  noErrors,
  type Posted,
  paramsOf,
  renderPage,
  signedInPage,
} from '../../kit/index.ts';
import { renderOffTheJobChart } from './off-the-job-chart.ts';

const EnrolmentParams = z.object({ id: z.uuid() });
const EntryParams = z.object({ id: z.uuid(), entryId: z.uuid() });

const text = z.string().max(10_000).optional();
/** A checkbox field: one ticked box posts a string, several an array, none nothing. */
const ticked = z
  .union([z.string().max(100), z.array(z.string().max(100)).max(100)])
  .optional()
  .transform((v) => (v === undefined ? [] : typeof v === 'string' ? [v] : v));
/** Hours as typed ("1.5"); the contract says what a good figure is. */
const typedHours = z
  .string()
  .max(20)
  .optional()
  .transform((v) => (v?.trim() ? Number(v.trim()) : undefined));

const EntryForm = defineForm(
  z.object({
    date: dateInput(z.string().optional(), { name: 'The date of the training' }),
    hours: typedHours,
    activity: text,
    description: text,
    ksbCodes: ticked,
    evidenceIds: ticked,
  }),
  { ids: { activity: 'activity', ksbCodes: 'ksbCodes', evidenceIds: 'evidenceIds' } },
);
const DecisionForm = defineForm(z.object({ decision: text, feedback: text }));
const EvidenceTimeForm = defineForm(z.object({ evidenceId: text, hours: typedHours }), {
  ids: { evidenceId: 'evidenceId', hours: 'evidence-hours' },
});

type Errors = FormErrors & { form?: string; entryId?: string };

const render = async (
  request: FastifyRequest,
  reply: FastifyReply,
  page: OffTheJobPage,
  extra: { errors?: Errors; posted?: Posted } = {},
) => {
  const chart = page.status.series ? await renderOffTheJobChart(page.status.series) : null;
  const errors = extra.errors ?? { ...noErrors() };
  return renderPage(
    request,
    reply,
    '../apprenticeships/off-the-job',
    { ...page, ...errors, chart, posted: extra.posted ?? {} },
    errors.errorList.length > 0 ? 400 : 200,
  );
};

const entryBody = (values: {
  date?: string | undefined;
  hours?: number | undefined;
  activity?: string | undefined;
  description?: string | undefined;
  ksbCodes: string[];
  evidenceIds: string[];
}) => ({
  date: values.date ?? '',
  hours: values.hours,
  activity: values.activity ?? '',
  description: values.description ?? '',
  ksbCodes: values.ksbCodes,
  evidenceIds: values.evidenceIds,
});

/** The off-the-job training pages of an enrolment, and the provider's ILR export of the hours. */
export const registerOffTheJobPages = (app: FastifyInstance) => {
  app.get(
    '/enrolments/:id/off-the-job',
    signedInPage(async ({ request, reply, actor, deps }) =>
      render(request, reply, await readOffTheJob(deps, actor, paramsOf(EnrolmentParams, request).id)),
    ),
  );

  app.post(
    '/enrolments/:id/off-the-job',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id } = paramsOf(EnrolmentParams, request);
      const form = EntryForm.parse(request.body);
      const again = async (errors: FormErrors) =>
        render(request, reply, await readOffTheJob(deps, actor, id), { errors: { ...errors, form: 'log' }, posted: form.posted });
      if (!form.ok) return again(form.errors);
      try {
        await logOffTheJob(deps, actor, id, entryBody(form.values));
      } catch (error) {
        if (EntryForm.refuses(error)) return again(EntryForm.errorsOf(error));
        throw error;
      }
      return reply.redirectWithFlash(offTheJobHref(id), 'Off-the-job training logged. It counts once the training provider approves it.');
    }),
  );

  app.get(
    '/enrolments/:id/off-the-job/:entryId',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id, entryId } = paramsOf(EntryParams, request);
      const page = await readOffTheJobEntry(deps, actor, id, entryId);
      const e = page.entry;
      const posted = {
        ...dateFieldsOf('date', e.date),
        hours: String(e.hours),
        activity: e.activity,
        description: e.description,
        ksbCodes: e.ksbCodes,
        evidenceIds: e.evidenceIds,
      };
      return renderPage(request, reply, '../apprenticeships/off-the-job-entry', { ...page, ...noErrors(), posted });
    }),
  );

  app.post(
    '/enrolments/:id/off-the-job/:entryId',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id, entryId } = paramsOf(EntryParams, request);
      const form = EntryForm.parse(request.body);
      const again = async (errors: FormErrors) =>
        renderPage(
          request,
          reply,
          '../apprenticeships/off-the-job-entry',
          { ...(await readOffTheJobEntry(deps, actor, id, entryId)), ...errors, posted: form.posted },
          400,
        );
      if (!form.ok) return again(form.errors);
      try {
        await updateOffTheJobEntry(deps, actor, id, entryId, entryBody(form.values));
      } catch (error) {
        if (EntryForm.refuses(error)) return again(EntryForm.errorsOf(error));
        throw error;
      }
      return reply.redirectWithFlash(offTheJobHref(id), 'Entry changed and sent to the training provider again');
    }),
  );

  app.post(
    '/enrolments/:id/off-the-job/:entryId/decision',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id, entryId } = paramsOf(EntryParams, request);
      const form = DecisionForm.parse(request.body);
      const values = form.ok ? form.values : {};
      try {
        const outcome = await decideOffTheJobEntry(deps, actor, id, entryId, {
          decision: values.decision,
          ...(values.feedback?.trim() ? { feedback: values.feedback } : {}),
        });
        return reply.redirectWithFlash(
          offTheJobHref(id),
          outcome === 'approved' ? 'Hours approved' : 'Entry returned to the apprentice with your feedback',
        );
      } catch (error) {
        if (!DecisionForm.refuses(error)) throw error;
        const errors = DecisionForm.errorsOf(error);
        const page = await readOffTheJob(deps, actor, id);
        return render(request, reply, page, {
          errors: {
            ...errors,
            form: 'decision',
            entryId,
            errorList: errors.errorList.map((e) => ({ ...e, href: `#${e.field}-${entryId}` })),
          },
          posted: form.posted,
        });
      }
    }),
  );

  app.post(
    '/enrolments/:id/off-the-job/evidence-time',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id } = paramsOf(EnrolmentParams, request);
      const form = EvidenceTimeForm.parse(request.body);
      const values = form.ok ? form.values : { evidenceId: undefined, hours: undefined };
      try {
        await recordEvidenceTime(deps, actor, id, { evidenceId: values.evidenceId ?? '', hours: values.hours });
      } catch (error) {
        if (!EvidenceTimeForm.refuses(error)) throw error;
        return render(request, reply, await readOffTheJob(deps, actor, id), {
          errors: { ...EvidenceTimeForm.errorsOf(error), form: 'evidence' },
          posted: form.posted,
        });
      }
      return reply.redirectWithFlash(offTheJobHref(id), 'Time on the evidence recorded as off-the-job training');
    }),
  );

  app.get(
    '/apprenticeships/otj-act-hours.csv',
    signedInPage(async ({ reply, actor, deps }) => {
      const file = await otjActHoursCsv(deps, actor);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.text);
    }),
  );
};
