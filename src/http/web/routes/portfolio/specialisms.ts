import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppError } from '../../../../contracts/errors.ts';
import {
  decideSpecialismOnPage,
  recordSpecialismsOnPage,
  type SpecialismsPage,
  specialismsPage,
} from '../../../../usecases/portfolio/pages/specialism-pages.ts';
import { specialismsHref } from '../../../../usecases/portfolio/specialisms.ts';
import { paramsOf, postedOf, queryOf, renderPage, signedInPage } from '../../kit/index.ts';

const PersonParams = z.object({ id: z.string().max(100) });
const DecisionParams = z.object({ id: z.string().max(100), specialismId: z.string().max(100) });
const savedKinds = ['recorded', 'confirmed', 'declined'] as const;
const PageQuery = z.object({ saved: z.enum(savedKinds).optional().catch(undefined) });

/** A checkbox field: one ticked box posts a string, several an array, none nothing. */
const Ticked = z
  .union([z.string().max(10), z.array(z.string().max(10)).max(26)])
  .optional()
  .transform((v) => (v === undefined ? [] : typeof v === 'string' ? [v] : v));
const DecisionForm = z.object({
  decision: z.string().max(20).optional().catch(undefined),
  note: z.string().max(5000).optional().catch(undefined),
});

// The page's own banner after post/redirect/get (`?saved=`), so the address says what was saved.
const banners: Record<(typeof savedKinds)[number], string> = {
  recorded: 'Specialisms saved. New ones wait for your line manager to confirm them.',
  confirmed: 'Specialism confirmed. It now counts towards the next level.',
  declined: 'Specialism declined. The staff member has been told why.',
};

type PageErrors = { text: string; href: string }[];
type DecisionError = { id: string; text: string; field: 'decision' | 'note'; decision: string | null; note: string };

/** Where a refused decision is shown: a state conflict and a missing choice on the radios, a bad note on the note. */
const decisionErrorOf = (error: AppError, specialismId: string, form: z.infer<typeof DecisionForm>): DecisionError => {
  const onDecision = error.details.some((d) => d.where.includes('decision'));
  const noteProblem = error.details.find((d) => d.where.includes('note'));
  const onNote = error.code !== 'conflict' && noteProblem !== undefined && !onDecision;
  const text =
    error.code === 'conflict'
      ? error.message
      : onDecision
        ? 'Choose whether to confirm or decline'
        : (noteProblem?.reason ?? error.message);
  return { id: specialismId, text, field: onNote ? 'note' : 'decision', decision: form.decision ?? null, note: form.note ?? '' };
};

/** The specialisms page: record one's own (checkboxes), confirm or decline a report's, and the history. */
export const registerSpecialismPages = (app: FastifyInstance) => {
  const render = (
    request: FastifyRequest,
    reply: FastifyReply,
    page: SpecialismsPage,
    extra: { errors?: PageErrors; decisionError?: DecisionError; saved?: (typeof savedKinds)[number] } = {},
  ) =>
    renderPage(
      request,
      reply,
      '../portfolio/specialisms',
      {
        ...page,
        personId: page.person.id,
        personName: page.person.name,
        errors: extra.errors ?? [],
        decisionError: extra.decisionError ?? null,
        banner: extra.saved ? banners[extra.saved] : null,
        textOf: Object.fromEntries(page.specialisms.map((s) => [s.letter, s.text])),
      },
      extra.errors?.length ? 400 : 200,
    );

  app.get(
    '/people/:id/portfolio/specialisms',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id } = paramsOf(PersonParams, request);
      const { saved } = queryOf(PageQuery, request).query;
      return render(request, reply, await specialismsPage(deps, actor, id), saved ? { saved } : {});
    }),
  );

  app.post(
    '/people/:id/portfolio/specialisms',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id } = paramsOf(PersonParams, request);
      const letters = Ticked.safeParse(postedOf(request.body).letters);
      const outcome = await recordSpecialismsOnPage(deps, actor, id, { letters: letters.success ? letters.data : ['?'] });
      if (!outcome.saved)
        return render(request, reply, outcome.page, { errors: [{ text: 'Choose specialisms from the list', href: '#letters' }] });
      return reply.redirect(`${specialismsHref(id)}?saved=recorded`, 303);
    }),
  );

  app.post(
    '/people/:id/portfolio/specialisms/:specialismId/decision',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id, specialismId } = paramsOf(DecisionParams, request);
      const form = DecisionForm.parse(postedOf(request.body));
      const note = form.note?.trim();
      const outcome = await decideSpecialismOnPage(deps, actor, id, specialismId, { decision: form.decision, ...(note ? { note } : {}) });
      if (!outcome.saved) {
        const decisionError = decisionErrorOf(outcome.refusal, specialismId, form);
        return render(request, reply, outcome.page, {
          errors: [{ text: decisionError.text, href: `#${decisionError.field}-${specialismId}` }],
          decisionError,
        });
      }
      return reply.redirect(`${specialismsHref(id)}?saved=${form.decision === 'decline' ? 'declined' : 'confirmed'}`, 303);
    }),
  );
};
