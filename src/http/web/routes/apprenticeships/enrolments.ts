import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { statusNames } from '../../../../domain/apprenticeships/enrolment-status.ts';
import {
  assessorCaseload,
  CaseloadQuery,
  caseloadSorts,
  employerApprentices,
  gatewayStateNames,
  offTheJobStateNames,
} from '../../../../usecases/apprenticeships/caseload.ts';
import { exportCaseload } from '../../../../usecases/apprenticeships/caseload-export.ts';
import {
  enrolFormPage,
  enrolmentEditPage,
  enrolmentPage,
  enrolmentStatusPage,
  type readEnrolment,
} from '../../../../usecases/apprenticeships/enrolment-page.ts';
import { recordStatusChange } from '../../../../usecases/apprenticeships/enrolment-status.ts';
import { confirmGateway, editEnrolment, enrol } from '../../../../usecases/apprenticeships/enrolments.ts';
import {
  dateFieldsOf,
  dateInput,
  defineForm,
  type FormErrors,
  noErrors,
  type Posted,
  paramsOf,
  postedText,
  queryOf,
  renderPage,
  signedInPage,
} from '../../kit/index.ts';

/**
 * Enrolment pages: enrol (the employer's admins), the enrolment with its status history and Gateway
 * to Completion checklist, its edit and status forms, the assessor's caseload across employers and
 * the employer's view of their apprentices, each with CSV and XLSX exports.
 */

const IdParams = z.object({ id: z.uuid() });
const ExportParams = z.object({ format: z.enum(['csv', 'xlsx']) });

const text = z.string().max(10_000).optional();
/** A number as typed ("32.5"); blank is left out, and the contract says what a good figure is. */
const typedNumber = z
  .string()
  .max(20)
  .optional()
  .transform((v) => (v?.trim() ? Number(v.trim().replace(/,/g, '')) : undefined));

const fieldsShape = {
  providerId: text,
  programme: text,
  startDate: dateInput(z.string().optional(), { name: 'The start date' }),
  plannedEndDate: dateInput(z.string().optional(), { name: 'The planned end date' }),
  contractedHoursPerWeek: typedNumber,
  ageAtStart: typedNumber,
  priorLearningHours: typedNumber,
  /** The ticked KSBs: one box posts a string, several an array. */
  priorLearningItems: z.union([z.string().max(100), z.array(z.string().max(100)).max(1000)]).optional(),
  fixedMinimumHours: typedNumber,
  fixedMinimumSource: text,
};
const ids = { providerId: 'providerId', programme: 'programme' };
const EnrolForm = defineForm(z.object({ personId: text, ...fieldsShape }), { ids: { ...ids, personId: 'personId' } });
const EditForm = defineForm(z.object(fieldsShape), { ids });
const StatusForm = defineForm(
  z.object({
    status: text,
    effectiveFrom: dateInput(z.string().optional(), { name: 'The date of the change' }),
    effectiveTo: dateInput(z.string().optional(), { name: 'The last day of the break' }),
    grade: text,
    reason: text,
  }),
  { ids: { status: 'status' } },
);
const ConfirmForm = defineForm(z.object({ party: text, confirmed: text }));

type FieldValues = z.infer<typeof EditForm.schema>;

/** The programme choice `ST1414|SEND` split into programme and option. */
const programmeOf = (choice: string) => {
  const [programme = '', option] = choice.split('|');
  return { programme, optionCode: option ?? null };
};

/** The form's values as the contract reads them: the programme choice split, the ticked KSBs as a list. */
const fieldsBody = (v: FieldValues) => {
  const { programme, optionCode: option } = programmeOf(v.programme ?? '');
  return {
    providerId: v.providerId ?? '',
    programme,
    optionCode: option ?? null,
    startDate: v.startDate ?? '',
    plannedEndDate: v.plannedEndDate ?? null,
    contractedHoursPerWeek: v.contractedHoursPerWeek,
    ageAtStart: v.ageAtStart,
    priorLearningHours: v.priorLearningHours ?? 0,
    priorLearningItems: [...new Set([v.priorLearningItems ?? []].flat().filter((c) => c.trim() !== ''))],
    fixedMinimumHours: v.fixedMinimumHours ?? null,
    fixedMinimumSource: v.fixedMinimumSource ?? null,
  };
};

/** Where a contract field's error goes on the form (the option belongs to the programme choice). */
const relabel = (errors: FormErrors): FormErrors => ({
  ...errors,
  errorList: errors.errorList.map((e) => (e.href === '#optionCode' ? { ...e, href: '#programme' } : e)),
  fieldErrors: errors.fieldErrors.optionCode ? { ...errors.fieldErrors, programme: errors.fieldErrors.optionCode } : errors.fieldErrors,
});

const caseloadView = '../apprenticeships/caseload';

/** The query as URL parameters, without the page: a new sort or an export starts from the first row. */
const caseloadParams = (query: z.infer<typeof CaseloadQuery>) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (k !== 'page' && v !== undefined && v !== '') params.set(k, String(v));
  return params;
};

const columns = (base: string, query: z.infer<typeof CaseloadQuery>) =>
  caseloadSorts.map((sort) => {
    const active = query.sort === sort;
    const order = active && query.order === 'asc' ? 'desc' : 'asc';
    return {
      sort,
      href: `${base}?${caseloadParams({ ...query, sort, order }).toString()}`,
      ariaSort: active ? (query.order === 'asc' ? 'ascending' : 'descending') : 'none',
    };
  });

const exportHref = (base: string, format: string, query: z.infer<typeof CaseloadQuery>) =>
  `${base}/export/${format}?${caseloadParams(query).toString()}`;

/** GOV.UK pagination for the caseload's pages, keeping the sort and filters; null when one page holds every row. */
const pagination = (base: string, query: z.infer<typeof CaseloadQuery>, page: number, pages: number) => {
  if (pages <= 1) return null;
  const href = (n: number) => {
    const params = caseloadParams(query);
    params.set('page', String(n));
    return `${base}?${params.toString()}`;
  };
  // The first, the last and two either side of the current page; gaps shown as an ellipsis.
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])]
    .filter((n) => n >= 1 && n <= pages)
    .sort((a, b) => a - b);
  const items = shown.flatMap((n, i) => [
    ...(i > 0 && n - (shown[i - 1] ?? n) > 1 ? [{ ellipsis: true }] : []),
    { number: n, href: href(n), current: n === page },
  ]);
  return {
    items,
    ...(page > 1 ? { previous: { href: href(page - 1) } } : {}),
    ...(page < pages ? { next: { href: href(page + 1) } } : {}),
    landmarkLabel: 'Pages of apprentices',
  };
};

export const registerEnrolmentPages = (app: FastifyInstance) => {
  app.get(
    '/enrolments/new',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const page = await enrolFormPage(deps, actor);
      const personId =
        typeof (request.query as Record<string, unknown>)?.personId === 'string'
          ? String((request.query as Record<string, unknown>).personId)
          : '';
      return renderPage(request, reply, '../apprenticeships/enrol', {
        ...page,
        mode: 'new',
        posted: { personId, ageAtStart: '', contractedHoursPerWeek: '' },
        ...noErrors(),
      });
    }),
  );

  app.post(
    '/enrolments/new',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const form = EnrolForm.parse(request.body);
      const again = async (errors: FormErrors) =>
        renderPage(
          request,
          reply,
          '../apprenticeships/enrol',
          { ...(await enrolFormPage(deps, actor)), mode: 'new', posted: form.posted, ...relabel(errors) },
          400,
        );
      if (!form.ok) return again(form.errors);
      try {
        const { id } = await enrol(deps, actor, { personId: form.values.personId ?? '', ...fieldsBody(form.values) });
        return reply.redirectWithFlash(`/enrolments/${id}`, 'Apprentice enrolled');
      } catch (error) {
        if (EnrolForm.refuses(error)) return again(EnrolForm.errorsOf(error));
        throw error;
      }
    }),
  );

  app.get(
    '/enrolments/:id',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const page = await enrolmentPage(deps, actor, paramsOf(IdParams, request).id);
      return renderPage(request, reply, '../apprenticeships/enrolment', { ...page, statusNames });
    }),
  );

  const editPosted = (e: Awaited<ReturnType<typeof readEnrolment>>['enrolment']): Posted => ({
    providerId: e.providerId,
    programme: e.optionCode ? `${e.programme}|${e.optionCode}` : e.programme,
    ...dateFieldsOf('startDate', e.startDate),
    ...dateFieldsOf('plannedEndDate', e.plannedEndDate),
    contractedHoursPerWeek: String(e.contractedHoursPerWeek),
    ageAtStart: String(e.ageAtStart),
    priorLearningHours: String(e.priorLearningHours),
    priorLearningItems: e.priorLearningItems,
    fixedMinimumHours: e.fixedMinimum ? String(e.fixedMinimum.hours) : '',
    fixedMinimumSource: e.fixedMinimum?.source ?? '',
  });

  const editPage = enrolmentEditPage;

  app.get(
    '/enrolments/:id/edit',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const page = await editPage(deps, actor, paramsOf(IdParams, request).id);
      return renderPage(request, reply, '../apprenticeships/enrol', { ...page, posted: editPosted(page.enrolment), ...noErrors() });
    }),
  );

  app.post(
    '/enrolments/:id/edit',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id } = paramsOf(IdParams, request);
      const form = EditForm.parse(request.body);
      const again = async (errors: FormErrors) =>
        renderPage(
          request,
          reply,
          '../apprenticeships/enrol',
          // The KSBs offered are the posted programme's, so a change of programme offers its KSBs.
          {
            ...(await editPage(
              deps,
              actor,
              id,
              postedText(form.posted, 'programme') ? programmeOf(postedText(form.posted, 'programme')) : undefined,
            )),
            posted: { ...form.posted, priorLearningItems: [form.posted.priorLearningItems ?? []].flat() },
            ...relabel(errors),
          },
          400,
        );
      if (!form.ok) return again(form.errors);
      try {
        await editEnrolment(deps, actor, id, fieldsBody(form.values));
      } catch (error) {
        if (EditForm.refuses(error)) return again(EditForm.errorsOf(error));
        throw error;
      }
      return reply.redirectWithFlash(`/enrolments/${id}`, 'Enrolment saved');
    }),
  );

  const statusPage = enrolmentStatusPage;

  app.get(
    '/enrolments/:id/status',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const page = await statusPage(deps, actor, paramsOf(IdParams, request).id);
      return renderPage(request, reply, '../apprenticeships/status', { ...page, posted: {}, ...noErrors() });
    }),
  );

  app.post(
    '/enrolments/:id/status',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id } = paramsOf(IdParams, request);
      const form = StatusForm.parse(request.body);
      const again = async (errors: FormErrors) =>
        renderPage(
          request,
          reply,
          '../apprenticeships/status',
          { ...(await statusPage(deps, actor, id)), posted: form.posted, ...errors },
          400,
        );
      if (!form.ok) return again(form.errors);
      try {
        await recordStatusChange(deps, actor, id, {
          status: form.values.status ?? '',
          effectiveFrom: form.values.effectiveFrom ?? '',
          effectiveTo: form.values.effectiveTo ?? null,
          grade: form.values.grade ?? null,
          reason: form.values.reason ?? null,
        });
      } catch (error) {
        if (StatusForm.refuses(error)) return again(StatusForm.errorsOf(error));
        throw error;
      }
      return reply.redirectWithFlash(`/enrolments/${id}`, 'Status change recorded');
    }),
  );

  app.post(
    '/enrolments/:id/gateway/confirm',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id } = paramsOf(IdParams, request);
      const form = ConfirmForm.parse(request.body);
      const values = form.ok ? form.values : {};
      try {
        await confirmGateway(deps, actor, id, { party: values.party, confirmed: values.confirmed !== 'no' });
      } catch (error) {
        if (!ConfirmForm.refuses(error)) throw error;
        const page = await enrolmentPage(deps, actor, id);
        const errors = ConfirmForm.errorsOf(error);
        return renderPage(
          request,
          reply,
          '../apprenticeships/enrolment',
          { ...page, statusNames, ...errors, errorList: errors.errorList.map((e) => ({ ...e, href: '#gateway' })) },
          400,
        );
      }
      return reply.redirectWithFlash(
        `/enrolments/${id}#gateway`,
        values.confirmed === 'no' ? 'Confirmation withdrawn' : 'Confirmation recorded',
      );
    }),
  );

  const listPage = (base: '/caseload' | '/apprentices', load: typeof assessorCaseload) => {
    app.get(
      base,
      signedInPage(async ({ request, reply, actor, deps }) => {
        const { query, invalid } = queryOf(CaseloadQuery, request);
        const caseload = await load(deps, actor, query);
        return renderPage(request, reply, caseloadView, {
          ...caseload,
          base,
          invalid,
          columns: columns(base, caseload.query),
          csvHref: exportHref(base, 'csv', caseload.query),
          xlsxHref: exportHref(base, 'xlsx', caseload.query),
          pagination: pagination(base, caseload.query, caseload.page, caseload.pages),
          statusNames,
          offTheJobStateNames,
          gatewayStateNames,
          provider: base === '/caseload',
        });
      }),
    );
    app.get(
      `${base}/export/:format`,
      signedInPage(async ({ request, reply, actor, deps }) => {
        const { format } = paramsOf(ExportParams, request);
        const { query } = queryOf(CaseloadQuery, request);
        const file = await exportCaseload(await load(deps, actor, query), format, base === '/caseload' ? 'caseload' : 'apprentices');
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'no-store')
          .send(Buffer.from(file.bytes));
      }),
    );
  };
  listPage('/caseload', assessorCaseload);
  listPage('/apprentices', employerApprentices);
};
