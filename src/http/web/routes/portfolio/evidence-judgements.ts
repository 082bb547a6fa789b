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
      group.rows.push({ ...row(j), title: d.catalogue.title(j.itemCode), history: (view.history.get(j.itemCode) ?? []).slice(1).map(row) });
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
        valueItems: Object.entries(valueTags).map(([value, tag]) => ({ value, text: tag.text, checked: values.value === value })),
        errors,
      },
      status,
    );
  };

  app.get(
    '/people/:id/portfolio/judgements',
    signedInPage(async (request, reply, actor) => render(request, reply, actor, { itemCode: '', value: '', note: '' }, [])),
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
      try {
        await recordObservation(deps(request), actor, id, values);
        return reply.redirect(`/people/${id}/portfolio/judgements`, 303);
      } catch (error) {
        if (!isInvalidInput(error)) throw error;
        return render(request, reply, actor, values, formErrors(error.details), 400);
      }
    }),
  );
};
