import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../../../domain/policy/actor.ts';
import type { AppContext } from '../../../../usecases/context.ts';
import { portfolioDeps } from '../../../../usecases/portfolio/deps.ts';
import { decideSpecialism, readSpecialisms, recordSpecialisms, specialismsHref } from '../../../../usecases/portfolio/specialisms.ts';
import { renderPage } from '../../views.ts';
import { signedInPage } from '../people-page.ts';
import { formFieldsOf, isShownOnForm, registerFormPages } from './form-pages.ts';

const PersonParams = z.object({ id: z.string().max(100) });
const DecisionParams = z.object({ id: z.string().max(100), specialismId: z.string().max(100) });
const savedKinds = ['recorded', 'confirmed', 'declined'] as const;
const PageQuery = z.object({ saved: z.enum(savedKinds).optional().catch(undefined) });

/** A checkbox field: one ticked box posts a string, several an array, none nothing. */
const Ticked = z
  .union([z.string().max(10), z.array(z.string().max(10)).max(26)])
  .optional()
  .transform((v) => (v === undefined ? [] : typeof v === 'string' ? [v] : v));
const DecisionForm = z.object({ decision: z.string().max(20).optional(), note: z.string().max(5000).optional() });

const banners: Record<(typeof savedKinds)[number], string> = {
  recorded: 'Specialisms saved. New ones wait for your line manager to confirm them.',
  confirmed: 'Specialism confirmed. It now counts towards the next level.',
  declined: 'Specialism declined. The staff member has been told why.',
};

type PageErrors = { text: string; href: string }[];

/** The specialisms page: record one's own (checkboxes), confirm or decline a report's, and the history. */
export const registerSpecialismPages = (parent: FastifyInstance, context: AppContext) =>
  registerFormPages(parent, context, (app) => {
    const deps = (request: FastifyRequest) => portfolioDeps(context, request.id);

    const render = async (
      request: FastifyRequest,
      reply: FastifyReply,
      actor: Actor,
      personId: string,
      extra: {
        errors?: PageErrors;
        decisionError?: { id: string; text: string; field: 'decision' | 'note'; decision: string | null; note: string };
        saved?: (typeof savedKinds)[number];
      } = {},
    ) => {
      const read = await readSpecialisms(deps(request), actor, personId);
      return renderPage(
        request,
        reply,
        '../portfolio/specialisms',
        {
          ...read,
          personId: read.person.id,
          personName: read.person.name,
          self: actor.personId === read.person.id,
          errors: extra.errors ?? [],
          decisionError: extra.decisionError ?? null,
          banner: extra.saved ? banners[extra.saved] : null,
          textOf: Object.fromEntries(read.specialisms.map((s) => [s.letter, s.text])),
        },
        extra.errors?.length ? 400 : 200,
      );
    };

    app.get(
      '/people/:id/portfolio/specialisms',
      signedInPage(async (request, reply, actor) => {
        const { id } = PersonParams.parse(request.params);
        const { saved } = PageQuery.parse(request.query ?? {});
        return render(request, reply, actor, id, saved ? { saved } : {});
      }),
    );

    app.post(
      '/people/:id/portfolio/specialisms',
      signedInPage(async (request, reply, actor) => {
        const { id } = PersonParams.parse(request.params);
        const letters = Ticked.safeParse(formFieldsOf(request).letters);
        try {
          await recordSpecialisms(deps(request), actor, id, { letters: letters.success ? letters.data : ['?'] });
        } catch (error) {
          if (!isShownOnForm(error)) throw error;
          return render(request, reply, actor, id, { errors: [{ text: 'Choose specialisms from the list', href: '#letters' }] });
        }
        return reply.redirect(`${specialismsHref(id)}?saved=recorded`, 303);
      }),
    );

    app.post(
      '/people/:id/portfolio/specialisms/:specialismId/decision',
      signedInPage(async (request, reply, actor) => {
        const { id, specialismId } = DecisionParams.parse(request.params);
        const form = DecisionForm.parse(formFieldsOf(request));
        const note = form.note?.trim();
        try {
          await decideSpecialism(deps(request), actor, id, specialismId, {
            decision: form.decision,
            ...(note ? { note } : {}),
          });
        } catch (error) {
          if (!isShownOnForm(error)) throw error;
          const noteProblem = error.details.find((d) => d.where.includes('note'));
          const onNote = error.code !== 'conflict' && noteProblem !== undefined && !error.details.some((d) => d.where.includes('decision'));
          const text =
            error.code === 'conflict'
              ? error.message
              : error.details.some((d) => d.where.includes('decision'))
                ? 'Choose whether to confirm or decline'
                : (noteProblem?.reason ?? error.message);
          const field = onNote ? 'note' : 'decision';
          return render(request, reply, actor, id, {
            errors: [{ text, href: `#${field}-${specialismId}` }],
            decisionError: { id: specialismId, text, field, decision: form.decision ?? null, note: form.note ?? '' },
          });
        }
        return reply.redirect(`${specialismsHref(id)}?saved=${form.decision === 'decline' ? 'declined' : 'confirmed'}`, 303);
      }),
    );
  });
