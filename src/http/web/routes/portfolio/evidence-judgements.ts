import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../../../domain/policy/actor.ts';
import type { AppContext } from '../../../../usecases/context.ts';
import { portfolioDeps } from '../../../../usecases/portfolio/deps.ts';
import { judgementsOfPerson } from '../../../../usecases/portfolio/evidence/evidence-queries.ts';
import { recordObservation } from '../../../../usecases/portfolio/evidence/record-judgement.ts';
import { renderPage } from '../../views.ts';
import { signedInPage } from '../people-page.ts';
import { formErrors } from './evidence-form.ts';
import { isInvalidInput } from './form-pages.ts';
import { browseOf, type PickerBrowse, pickerOf } from './item-picker.ts';

const PersonParams = z.object({ id: z.string().max(100) });
const valueTags = {
  met: { text: 'Met', classes: 'govuk-tag--green' },
  developing: { text: 'Developing', classes: 'govuk-tag--yellow' },
  'not-started': { text: 'Not started', classes: 'govuk-tag--grey' },
} as const;

type Values = { itemCode: string; value: string; note: string };

/** A person's judgements by framework with their history, and the manager's "record from an observation" form. */
export const registerJudgementPages = (app: FastifyInstance, context: AppContext) => {
  const deps = (request: FastifyRequest) => portfolioDeps(context, request.id);

  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    actor: Actor,
    values: Values,
    errors: ReturnType<typeof formErrors>,
    browse: PickerBrowse,
    status = 200,
  ) => {
    const { id } = PersonParams.parse(request.params);
    const d = deps(request);
    const view = await judgementsOfPerson(d, actor, id);
    const frameworks = new Map<string, { title: string; rows: unknown[] }>();
    for (const j of view.current) {
      const framework = d.catalogue.frameworkOf(j.itemCode);
      const key = framework?.id ?? 'other';
      const group = frameworks.get(key) ?? { title: framework?.title ?? 'Other items', rows: [] };
      const row = (x: typeof j) => ({
        ...x,
        tag: valueTags[x.value],
        judgedOn: x.judgedAt.toISOString().slice(0, 10),
        evidenceTitle: x.evidenceId ? (view.evidenceTitles.get(x.evidenceId) ?? 'Evidence') : null,
        judgedByName: view.judgeNames.get(x.judgedBy) ?? 'Someone',
      });
      group.rows.push({ ...row(j), history: (view.history.get(j.itemCode) ?? []).slice(1).map(row) });
      frameworks.set(key, group);
    }
    return renderPage(
      request,
      reply,
      '../portfolio/judgements',
      {
        personId: view.subject.id,
        personName: view.subject.name,
        frameworks: [...frameworks.values()],
        canRecord: view.canRecord,
        values,
        picker: view.canRecord
          ? pickerOf(d.catalogue, { ticked: values.itemCode ? [values.itemCode] : [], filter: browse.filter, framework: browse.framework })
          : null,
        valueItems: Object.entries(valueTags).map(([value, tag]) => ({ value, text: tag.text, checked: values.value === value })),
        errors,
      },
      status,
    );
  };

  app.get(
    '/people/:id/portfolio/judgements',
    signedInPage(async (request, reply, actor) =>
      render(request, reply, actor, { itemCode: '', value: '', note: '' }, [], browseOf(request.query)),
    ),
  );

  app.post(
    '/people/:id/portfolio/judgements',
    signedInPage(async (request, reply, actor) => {
      const { id } = PersonParams.parse(request.params);
      const body = typeof request.body === 'object' && request.body !== null ? request.body : {};
      const get = (name: string) => {
        const v = Reflect.get(body, name);
        return typeof v === 'string' ? v : '';
      };
      const values = { itemCode: get('itemCode').trim(), value: get('value'), note: get('note') };
      // Filtering the items re-shows the form with what was typed and chosen; nothing is recorded.
      if (get('action') === 'filter') return render(request, reply, actor, values, [], browseOf(body));
      try {
        await recordObservation(deps(request), actor, id, values);
        return reply.redirect(`/people/${id}/portfolio/judgements`, 303);
      } catch (error) {
        if (!isInvalidInput(error)) throw error;
        return render(request, reply, actor, values, formErrors(error.details), browseOf(body), 400);
      }
    }),
  );
};
