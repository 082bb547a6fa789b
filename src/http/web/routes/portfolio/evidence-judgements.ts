import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type JudgementsPage, judgementsPage, recordObservationOnPage } from '../../../../usecases/portfolio/pages/judgements-page.ts';
import { defineForm, type FieldError, type PageDeps, paramsOf, postedOf, postedText, renderPage, signedInPage } from '../../kit/index.ts';
import { browseOf, type PickerBrowse, pickerOf } from './item-picker.ts';

const PersonParams = z.object({ id: z.string().max(100) });
const valueTags = {
  met: { text: 'Met', classes: 'govuk-tag--green' },
  developing: { text: 'Developing', classes: 'govuk-tag--yellow' },
  'not-started': { text: 'Not started', classes: 'govuk-tag--grey' },
} as const;

/** The observation form's fields, to put the use-case's refusal beside the one it names. */
const ObservationForm = defineForm(z.object({ itemCode: z.string(), value: z.string(), note: z.string() }));

type Values = { itemCode: string; value: string; note: string };

/** A person's judgements by framework with their history, and the manager's "record from an observation" form. */
export const registerJudgementPages = (app: FastifyInstance) => {
  const render = (
    request: FastifyRequest,
    reply: FastifyReply,
    deps: PageDeps,
    page: JudgementsPage,
    form: { values: Values; errors: FieldError[]; browse: PickerBrowse },
  ) => {
    const row = <J extends JudgementsPage['frameworks'][number]['rows'][number]['history'][number]>(j: J) => ({
      ...j,
      tag: valueTags[j.value],
    });
    return renderPage(
      request,
      reply,
      '../portfolio/judgements',
      {
        personId: page.subject.id,
        personName: page.subject.name,
        frameworks: page.frameworks.map((f) => ({ ...f, rows: f.rows.map((j) => ({ ...row(j), history: j.history.map(row) })) })),
        canRecord: page.can.record,
        values: form.values,
        picker: page.can.record
          ? pickerOf(deps.catalogue, {
              ticked: form.values.itemCode ? [form.values.itemCode] : [],
              filter: form.browse.filter,
              framework: form.browse.framework,
            })
          : null,
        valueItems: Object.entries(valueTags).map(([value, tag]) => ({ value, text: tag.text, checked: form.values.value === value })),
        errors: form.errors,
      },
      form.errors.length > 0 ? 400 : 200,
    );
  };

  app.get(
    '/people/:id/portfolio/judgements',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id } = paramsOf(PersonParams, request);
      return render(request, reply, deps, await judgementsPage(deps, actor, id), {
        values: { itemCode: '', value: '', note: '' },
        errors: [],
        browse: browseOf(request.query),
      });
    }),
  );

  app.post(
    '/people/:id/portfolio/judgements',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id } = paramsOf(PersonParams, request);
      const posted = postedOf(request.body);
      const values = {
        itemCode: postedText(posted, 'itemCode').trim(),
        value: postedText(posted, 'value'),
        note: postedText(posted, 'note'),
      };
      const browse = browseOf(posted);
      // Filtering the items re-shows the form with what was typed and chosen; nothing is recorded.
      if (postedText(posted, 'action') === 'filter')
        return render(request, reply, deps, await judgementsPage(deps, actor, id), { values, errors: [], browse });
      const outcome = await recordObservationOnPage(deps, actor, id, values);
      if (!outcome.saved)
        return render(request, reply, deps, outcome.page, { values, errors: ObservationForm.errorsOf(outcome.refusal).errorList, browse });
      return reply.redirectWithFlash(`/people/${id}/portfolio/judgements`, 'Judgement recorded');
    }),
  );
};
