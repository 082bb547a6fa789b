import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ErrorDetail } from '../../../../contracts/errors.ts';
import { reviewStageLabels } from '../../../../contracts/portfolio/review.ts';
import type { Actor } from '../../../../domain/policy/actor.ts';
import type { Catalogue } from '../../../../framework/catalogue.ts';
import { itemLabel } from '../../../../framework/item-label.ts';
import type { CompetencyItem } from '../../../../framework/schema.ts';
import type { AppContext } from '../../../../usecases/context.ts';
import { portfolioDeps } from '../../../../usecases/portfolio/deps.ts';
import {
  addReviewObjective,
  advanceReview,
  commentOnReview,
  recordReviewOutcome,
  signReview,
} from '../../../../usecases/portfolio/review-changes.ts';
import { loadReviewParty, type ReviewCycleDetail, reviewCycle, reviewCycles, startReview } from '../../../../usecases/portfolio/reviews.ts';
import { govukDate } from '../../dates.ts';
import { hrefOfCode } from '../../links.ts';
import { renderPage } from '../../views.ts';
import { signedInPage } from '../people-page.ts';
import { fieldErrorsOf, itemLinks } from './cpd-view.ts';
import { formFieldsOf, isShownOnForm, registerFormPages } from './form-pages.ts';
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

const pages = async (app: FastifyInstance, context: AppContext) => {
  const deps = (request: FastifyRequest) => portfolioDeps(context, request.id);

  const renderList = async (request: FastifyRequest, reply: FastifyReply, actor: Actor, personId: string, errors: ErrorDetail[] = []) => {
    const list = await reviewCycles(deps(request), actor, personId);
    return renderPage(
      request,
      reply,
      '../portfolio/reviews',
      {
        personId: list.person.id,
        personName: list.person.name,
        currentYear: list.currentYear,
        canStart: list.canStart,
        cycles: list.cycles.map((c) => ({ ...c, stageTag: stageTag(c.stage), href: `${base(list.person.id)}/${c.id}` })),
        reviewDuties: dutyLinks(deps(request).catalogue, list.reviewDuties),
        errors: errors.map((e) => ({ text: e.reason, href: '#start' })),
      },
      errors.length > 0 ? 400 : 200,
    );
  };

  app.get(
    '/people/:id/portfolio/reviews',
    signedInPage(async (request, reply, actor) => renderList(request, reply, actor, PersonParams.parse(request.params).id)),
  );

  app.post(
    '/people/:id/portfolio/reviews',
    signedInPage(async (request, reply, actor) => {
      const { id } = PersonParams.parse(request.params);
      try {
        const { id: cycleId } = await startReview(deps(request), actor, id, {});
        return reply.redirect(`${base(id)}/${cycleId}`, 303);
      } catch (error) {
        if (isShownOnForm(error)) {
          return renderList(request, reply, actor, id, [{ where: 'start', reason: error.message }]);
        }
        throw error;
      }
    }),
  );

  const renderCycle = async (
    request: FastifyRequest,
    reply: FastifyReply,
    detail: ReviewCycleDetail,
    form: { errors: { field: string; text: string }[]; values: Record<string, unknown>; browse?: PickerBrowse } = {
      errors: [],
      values: {},
    },
  ) => {
    const catalogue = deps(request).catalogue;
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
    signedInPage(async (request, reply, actor) => {
      const { id, cycleId } = CycleParams.parse(request.params);
      return renderCycle(request, reply, await reviewCycle(deps(request), actor, id, cycleId));
    }),
  );

  app.post(
    '/people/:id/portfolio/reviews/:cycleId',
    signedInPage(async (request, reply, actor) => {
      const { id, cycleId } = CycleParams.parse(request.params);
      const body = formFieldsOf(request);
      // The objective form's "Filter items" button re-shows the page with the objective as typed; nothing is saved.
      if (codesOf(body.action).includes('filter'))
        return renderCycle(request, reply, await reviewCycle(deps(request), actor, id, cycleId), {
          errors: [],
          values: { ...body, action: 'objective' },
          browse: browseOf(body),
        });
      const action = ReviewAction.safeParse(body.action);
      // Only the two parties may act; a refused actor learns nothing about the cycle.
      await loadReviewParty(deps(request), actor, id);
      const before = await reviewCycle(deps(request), actor, id, cycleId);
      const fieldOf: Record<z.infer<typeof ReviewAction>, string> = {
        objective: 'objective-title',
        comment: 'comment-body',
        advance: 'advance',
        outcome: 'outcome',
        sign: 'sign',
      };
      if (!action.success)
        return renderCycle(request, reply, before, { errors: [{ field: 'advance', text: 'Choose what to do' }], values: body });
      try {
        const d = deps(request);
        switch (action.data) {
          case 'objective':
            await addReviewObjective(d, actor, id, cycleId, {
              title: body.title,
              description: body.description,
              itemCodes: codesOf(body.itemCodes),
            });
            break;
          case 'comment':
            await commentOnReview(d, actor, id, cycleId, { body: body.body, objectiveId: body.objectiveId });
            break;
          case 'advance':
            await advanceReview(d, actor, id, cycleId);
            break;
          case 'outcome':
            await recordReviewOutcome(d, actor, id, cycleId, { outcome: body.outcome });
            break;
          case 'sign':
            await signReview(d, actor, id, cycleId, { as: body.as });
            break;
        }
      } catch (error) {
        if (isShownOnForm(error)) {
          const field = fieldOf[action.data];
          const errors = (error.details.length > 0 ? error.details : [{ where: field, reason: error.message }]).map((e) => ({
            field: e.where === 'itemCodes' ? 'objective-items' : field,
            text: error.code === 'conflict' ? error.message : e.reason,
          }));
          return renderCycle(request, reply, await reviewCycle(deps(request), actor, id, cycleId), { errors, values: body });
        }
        throw error;
      }
      return reply.redirect(`${base(id)}/${cycleId}`, 303);
    }),
  );
};

/** The performance reviews pages: the cycles, starting one, and one cycle with each party's own actions. */
export const registerReviewPages = (app: FastifyInstance, context: AppContext) => registerFormPages(app, context, pages);
