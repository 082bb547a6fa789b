import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ErrorDetail } from '../../../../contracts/errors.ts';
import { reviewStageLabels } from '../../../../contracts/portfolio/review.ts';
import type { Catalogue } from '../../../../framework/catalogue.ts';
import { itemLabel } from '../../../../framework/item-label.ts';
import type { CompetencyItem } from '../../../../framework/schema.ts';
import {
  actOnReview,
  type ReviewCommand,
  reviewCyclePage,
  reviewsPage,
  startReviewOnPage,
} from '../../../../usecases/portfolio/pages/review-pages.ts';
import type { ReviewCycleDetail } from '../../../../usecases/portfolio/reviews.ts';
import { govukDate } from '../../dates.ts';
import { type PageDeps, paramsOf, postedOf, renderPage, signedInPage } from '../../kit/index.ts';
import { hrefOfCode } from '../../links.ts';
import { fieldErrorsOf, itemLinks } from './cpd-view.ts';
import { browseOf, type PickerBrowse, pickerOf } from './item-picker.ts';

const PersonParams = z.object({ id: z.string().max(100) });
const CycleParams = z.object({ id: z.string().max(100), cycleId: z.string().max(100) });
const ReviewAction = z.enum(['objective', 'comment', 'advance', 'outcome', 'sign']);

const base = (personId: string) => `/people/${personId}/portfolio/reviews`;
const codesOf = (value: unknown): string[] => [
  ...new Set(
    (Array.isArray(value) ? value : [value]).flatMap((v) => (typeof v === 'string' ? v.split(/[\s,]+/) : [])).filter((c) => c.length > 0),
  ),
];

const stageTag = (stage: keyof typeof reviewStageLabels) => ({
  text: reviewStageLabels[stage],
  classes: stage === 'signed-off' ? 'govuk-tag--green' : 'govuk-tag--blue',
});

const dayOf = (at: Date | null) => (at ? govukDate(at) : null);

const dutyLinks = (catalogue: Catalogue, duties: readonly CompetencyItem[]) =>
  duties.map((d) => ({
    code: d.code,
    text: d.text,
    href: hrefOfCode(catalogue, d.code) ?? null,
    framework: catalogue.frameworkOf(d.code)?.title ?? '',
  }));

type ReviewsList = Awaited<ReturnType<typeof reviewsPage>>;

/** What each action's refusal is shown beside. */
const fieldOfAction: Record<z.infer<typeof ReviewAction>, string> = {
  objective: 'objective-title',
  comment: 'comment-body',
  advance: 'advance',
  outcome: 'outcome',
  sign: 'sign',
};

/** The posted form as the action's command (the use-cases check the fields themselves). */
const commandOf = (action: z.infer<typeof ReviewAction>, body: Record<string, unknown>): ReviewCommand => {
  switch (action) {
    case 'objective':
      return { action, input: { title: body.title, description: body.description, itemCodes: codesOf(body.itemCodes) } };
    case 'comment':
      return { action, input: { body: body.body, objectiveId: body.objectiveId } };
    case 'advance':
      return { action };
    case 'outcome':
      return { action, input: { outcome: body.outcome } };
    case 'sign':
      return { action, input: { as: body.as } };
  }
};

const banners: Record<z.infer<typeof ReviewAction>, string> = {
  objective: 'Objective added',
  comment: 'Comment saved',
  advance: 'Review moved on to the next stage',
  outcome: 'Outcome recorded',
  sign: 'Review signed',
};

/** The performance reviews pages: the cycles, starting one, and one cycle with each party's own actions. */
export const registerReviewPages = (app: FastifyInstance) => {
  const renderList = (request: FastifyRequest, reply: FastifyReply, deps: PageDeps, list: ReviewsList, errors: ErrorDetail[] = []) =>
    renderPage(
      request,
      reply,
      '../portfolio/reviews',
      {
        personId: list.person.id,
        personName: list.person.name,
        currentYear: list.currentYear,
        canStart: list.canStart,
        cycles: list.cycles.map((c) => ({ ...c, stageTag: stageTag(c.stage), href: `${base(list.person.id)}/${c.id}` })),
        reviewDuties: dutyLinks(deps.catalogue, list.reviewDuties),
        errors: errors.map((e) => ({ text: e.reason, href: '#start' })),
      },
      errors.length > 0 ? 400 : 200,
    );

  app.get(
    '/people/:id/portfolio/reviews',
    signedInPage(async ({ request, reply, actor, deps }) =>
      renderList(request, reply, deps, await reviewsPage(deps, actor, paramsOf(PersonParams, request).id)),
    ),
  );

  app.post(
    '/people/:id/portfolio/reviews',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id } = paramsOf(PersonParams, request);
      const outcome = await startReviewOnPage(deps, actor, id);
      if (!outcome.saved) return renderList(request, reply, deps, outcome.page, [{ where: 'start', reason: outcome.refusal.message }]);
      return reply.redirectWithFlash(`${base(id)}/${outcome.result.id}`, 'Review started');
    }),
  );

  const renderCycle = (
    request: FastifyRequest,
    reply: FastifyReply,
    deps: PageDeps,
    detail: ReviewCycleDetail,
    form: { errors: { field: string; text: string }[]; values: Record<string, unknown>; browse?: PickerBrowse } = {
      errors: [],
      values: {},
    },
  ) => {
    const catalogue = deps.catalogue;
    const { cycle } = detail;
    const commentsAt = (stage: 'mid-year' | 'end-of-year', side: 'staff' | 'reviewer') =>
      detail.comments
        .filter((c) => c.stage === stage && c.side === side)
        .map((c) => ({
          ...c,
          when: dayOf(c.writtenAt),
          objectiveTitle: detail.objectives.find((o) => o.id === c.objectiveId)?.title ?? null,
        }));
    return renderPage(
      request,
      reply,
      '../portfolio/review',
      {
        personId: detail.person.id,
        personName: detail.person.name,
        cycle: {
          ...cycle,
          stageTag: stageTag(cycle.stage),
          staffSigned: dayOf(cycle.staffSignedAt),
          reviewerSigned: dayOf(cycle.reviewerSignedAt),
        },
        action: `${base(detail.person.id)}/${cycle.id}`,
        objectives: detail.objectives.map((o) => ({ ...o, items: itemLinks(catalogue, o.itemCodes) })),
        stages: (['mid-year', 'end-of-year'] as const).map((stage) => ({
          stage,
          label: reviewStageLabels[stage],
          staff: commentsAt(stage, 'staff'),
          reviewer: commentsAt(stage, 'reviewer'),
        })),
        you: detail.you,
        nextStageLabel: cycle.stage === 'objectives' ? reviewStageLabels['mid-year'] : reviewStageLabels['end-of-year'],
        suggestions: detail.objectiveSuggestions.map((g) => ({
          ...g,
          items: g.items.map((i) => ({
            value: i.code,
            text: itemLabel(catalogue, i.code).text,
            checked: codesOf(form.values.itemCodes).includes(i.code),
          })),
        })),
        picker: detail.you.canAddObjective
          ? pickerOf(catalogue, { ticked: codesOf(form.values.itemCodes), ...(form.browse ?? { filter: '' }) })
          : null,
        objectiveChoices: detail.objectives.map((o) => ({ value: o.id, text: o.title })),
        reviewDuties: dutyLinks(catalogue, detail.reviewDuties),
        errors: form.errors.map((e) => ({ ...e, href: `#${e.field}` })),
        fieldErrors: fieldErrorsOf(form.errors),
        values: form.values,
      },
      form.errors.length > 0 ? 400 : 200,
    );
  };

  app.get(
    '/people/:id/portfolio/reviews/:cycleId',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id, cycleId } = paramsOf(CycleParams, request);
      return renderCycle(request, reply, deps, await reviewCyclePage(deps, actor, id, cycleId));
    }),
  );

  app.post(
    '/people/:id/portfolio/reviews/:cycleId',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id, cycleId } = paramsOf(CycleParams, request);
      const body = postedOf(request.body);
      // The objective form's "Filter items" button re-shows the page with the objective as typed; nothing is saved.
      if (codesOf(body.action).includes('filter'))
        return renderCycle(request, reply, deps, await reviewCyclePage(deps, actor, id, cycleId), {
          errors: [],
          values: { ...body, action: 'objective' },
          browse: browseOf(body),
        });
      const action = ReviewAction.safeParse(body.action);
      if (!action.success)
        return renderCycle(request, reply, deps, await reviewCyclePage(deps, actor, id, cycleId, { asParty: true }), {
          errors: [{ field: 'advance', text: 'Choose what to do' }],
          values: body,
        });
      const outcome = await actOnReview(deps, actor, id, cycleId, commandOf(action.data, body));
      if (!outcome.saved) {
        const { refusal } = outcome;
        const field = fieldOfAction[action.data];
        const errors = (refusal.details.length > 0 ? refusal.details : [{ where: field, reason: refusal.message }]).map((e) => ({
          field: e.where === 'itemCodes' ? 'objective-items' : field,
          text: refusal.code === 'conflict' ? refusal.message : e.reason,
        }));
        return renderCycle(request, reply, deps, outcome.page, { errors, values: body });
      }
      return reply.redirectWithFlash(`${base(id)}/${cycleId}`, banners[action.data]);
    }),
  );
};
