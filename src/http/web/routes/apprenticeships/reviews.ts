import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  agreeReviewAction,
  commentOnReview,
  planReview,
  type ReviewsPage,
  readReviews,
  reviewsHref,
  signReview,
} from '../../../../usecases/apprenticeships/reviews.ts';
import {
  dateInput,
  defineForm,
  type Form,
  type FormErrors,
  noErrors,
  type Posted,
  paramsOf,
  renderPage,
  signedInPage,
} from '../../kit/index.ts';

const EnrolmentParams = z.object({ id: z.uuid() });
const ReviewParams = z.object({ id: z.uuid(), reviewId: z.uuid() });
const text = z.string().max(10_000).optional();

const PlanForm = defineForm(z.object({ heldOn: dateInput(z.string().optional(), { name: 'The date of the review' }) }));
const CommentForm = defineForm(z.object({ party: text, body: text }));
const ActionForm = defineForm(
  z.object({ description: text, owner: text, dueOn: dateInput(z.string().optional(), { name: 'The date the action is due' }) }),
);
const SignForm = defineForm(z.object({ party: text }));

type Which = { form: string; reviewId?: string };

const render = (
  request: FastifyRequest,
  reply: FastifyReply,
  page: ReviewsPage,
  errors: FormErrors = noErrors(),
  which: Which = { form: '' },
  posted: Posted = {},
) =>
  renderPage(
    request,
    reply,
    '../apprenticeships/reviews',
    { ...page, ...errors, ...which, posted },
    errors.errorList.length > 0 ? 400 : 200,
  );

/** Ids on the page are per review (several forms of a kind): the summary links to this review's field. */
const perReview = (errors: FormErrors, reviewId: string, prefix: string): FormErrors => ({
  ...errors,
  errorList: errors.errorList.map((e) => ({ ...e, href: `#${prefix}-${e.field}-${reviewId}${e.field === 'dueOn' ? '-day' : ''}` })),
});

/** The progress review pages of an enrolment: plan a review, comment, agree actions, sign. */
export const registerProgressReviewPages = (app: FastifyInstance) => {
  app.get(
    '/enrolments/:id/reviews',
    signedInPage(async ({ request, reply, actor, deps }) =>
      render(request, reply, await readReviews(deps, actor, paramsOf(EnrolmentParams, request).id)),
    ),
  );

  app.post(
    '/enrolments/:id/reviews',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id } = paramsOf(EnrolmentParams, request);
      const form = PlanForm.parse(request.body);
      const again = async (errors: FormErrors) =>
        render(request, reply, await readReviews(deps, actor, id), errors, { form: 'plan' }, form.posted);
      if (!form.ok) return again(form.errors);
      try {
        await planReview(deps, actor, id, { heldOn: form.values.heldOn ?? '' });
      } catch (error) {
        if (PlanForm.refuses(error)) return again(PlanForm.errorsOf(error));
        throw error;
      }
      return reply.redirectWithFlash(reviewsHref(id), 'Progress review planned, with its agenda');
    }),
  );

  const reviewPost = <S extends z.ZodObject<z.ZodRawShape>>(
    path: string,
    name: string,
    form: Form<S>,
    act: (
      deps: Parameters<typeof commentOnReview>[0],
      actor: Parameters<typeof commentOnReview>[1],
      id: string,
      reviewId: string,
      values: z.output<S>,
    ) => Promise<unknown>,
    done: string | ((result: unknown) => string),
  ) =>
    app.post(
      path,
      signedInPage(async ({ request, reply, actor, deps }) => {
        const { id, reviewId } = paramsOf(ReviewParams, request);
        const parsed = form.parse(request.body);
        const again = async (errors: FormErrors) =>
          render(
            request,
            reply,
            await readReviews(deps, actor, id),
            perReview(errors, reviewId, name),
            { form: name, reviewId },
            parsed.posted,
          );
        if (!parsed.ok) return again(parsed.errors);
        try {
          const result = await act(deps, actor, id, reviewId, parsed.values);
          return reply.redirectWithFlash(`${reviewsHref(id)}#review-${reviewId}`, typeof done === 'string' ? done : done(result));
        } catch (error) {
          if (form.refuses(error)) return again(form.errorsOf(error));
          throw error;
        }
      }),
    );

  reviewPost(
    '/enrolments/:id/reviews/:reviewId/comments',
    'comment',
    CommentForm,
    (deps, actor, id, reviewId, v) => commentOnReview(deps, actor, id, reviewId, { party: v.party, body: v.body ?? '' }),
    'Comment added',
  );
  reviewPost(
    '/enrolments/:id/reviews/:reviewId/actions',
    'action',
    ActionForm,
    (deps, actor, id, reviewId, v) =>
      agreeReviewAction(deps, actor, id, reviewId, { description: v.description ?? '', owner: v.owner, dueOn: v.dueOn ?? '' }),
    'Action agreed',
  );
  reviewPost(
    '/enrolments/:id/reviews/:reviewId/sign',
    'sign',
    SignForm,
    (deps, actor, id, reviewId, v) => signReview(deps, actor, id, reviewId, { party: v.party }),
    (locked) => (locked ? 'Review signed. All three have signed: the review is held and locked.' : 'Review signed'),
  );
};
