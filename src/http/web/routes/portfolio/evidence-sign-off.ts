import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ErrorDetail } from '../../../../contracts/errors.ts';
import { evidenceKindLabels } from '../../../../contracts/portfolio/evidence.ts';
import { itemLabel } from '../../../../framework/item-label.ts';
import {
  decideEvidenceOnPage,
  type EvidenceDecisionPage,
  evidenceDecisionPage,
  evidenceSubmitPage,
  type SubmitPage,
  submitEvidenceOnPage,
} from '../../../../usecases/portfolio/pages/evidence-decision-pages.ts';
import { type PageDeps, paramsOf, postedOf, postedText, renderPage, signedInPage } from '../../kit/index.ts';
import { listOf } from './evidence-form.ts';

const EvidenceParams = z.object({ id: z.string().max(100), evidenceId: z.string().max(100) });

type PostedDecision = { itemCode: string; outcome: string; feedback: string };

const evidencePath = (personId: string, evidenceId: string) => `/people/${personId}/portfolio/evidence/${evidenceId}`;

/** The decision form's claims as posted: `item-N`, `outcome-N` and `feedback-N` for each claim shown, in order. */
const postedDecisions = (body: unknown): PostedDecision[] => {
  const posted = postedOf(body);
  const decisions: PostedDecision[] = [];
  for (let i = 0; i < 100; i += 1) {
    const itemCode = postedText(posted, `item-${i}`);
    if (!itemCode) break;
    decisions.push({ itemCode, outcome: postedText(posted, `outcome-${i}`), feedback: postedText(posted, `feedback-${i}`) });
  }
  return decisions;
};

/** Submitting (after the pupil-anonymity check) and the manager's claim-by-claim decision. */
export const registerEvidenceSignOffPages = (app: FastifyInstance) => {
  const renderSubmit = (request: FastifyRequest, reply: FastifyReply, check: SubmitPage, errors: { href: string; text: string }[] = []) =>
    renderPage(
      request,
      reply,
      '../portfolio/evidence-submit',
      {
        personId: check.subject.id,
        personName: check.subject.name,
        evidenceId: check.item.id,
        segments: check.segments,
        flagged: check.flagged,
        errors,
      },
      errors.length > 0 ? 400 : 200,
    );

  app.get(
    '/people/:id/portfolio/evidence/:evidenceId/submit',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id, evidenceId } = paramsOf(EvidenceParams, request);
      return renderSubmit(request, reply, await evidenceSubmitPage(deps, actor, id, evidenceId));
    }),
  );

  app.post(
    '/people/:id/portfolio/evidence/:evidenceId/submit',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id, evidenceId } = paramsOf(EvidenceParams, request);
      const outcome = await submitEvidenceOnPage(deps, actor, id, evidenceId, {
        pupilsAnonymised: listOf(postedOf(request.body).anonymised).includes('yes'),
      });
      if (outcome.saved) return reply.redirectWithFlash(evidencePath(id, evidenceId), 'Evidence submitted for a decision');
      const { refusal } = outcome;
      const errors = (refusal.details.length > 0 ? refusal.details : [{ where: 'anonymised', reason: refusal.message }]).map((d) => ({
        href: '#anonymised',
        text: d.reason,
      }));
      return renderSubmit(request, reply, outcome.page, errors);
    }),
  );

  const renderDecision = (
    request: FastifyRequest,
    reply: FastifyReply,
    deps: PageDeps,
    page: EvidenceDecisionPage,
    posted: PostedDecision[] = [],
    details: readonly ErrorDetail[] = [],
  ) => {
    const { subject, item } = page;
    // Decided meanwhile (by someone else, or in another tab): its page shows the outcome.
    if (!page.awaitingDecision) return reply.redirect(evidencePath(subject.id, item.id), 303);
    const errorAt = (where: string) => details.find((e) => e.where === where)?.reason;
    const claims = page.waiting.map((c, index) => {
      const p = posted.find((x) => x.itemCode === c.itemCode);
      return {
        index,
        itemCode: c.itemCode,
        label: itemLabel(deps.catalogue, c.itemCode).text,
        outcome: p?.outcome ?? '',
        feedback: p?.feedback ?? '',
        outcomeError: errorAt(`decisions.${c.itemCode}`),
        feedbackError: errorAt(`decisions.${posted.findIndex((x) => x.itemCode === c.itemCode)}.feedback`),
      };
    });
    const errors = claims.flatMap((c) => [
      ...(c.outcomeError ? [{ href: `#outcome-${c.index}`, text: c.outcomeError }] : []),
      ...(c.feedbackError ? [{ href: `#feedback-${c.index}`, text: `${c.label}: ${c.feedbackError}` }] : []),
    ]);
    const other = details.filter((e) => !e.where.startsWith('decisions.')).map((e) => ({ href: '#outcome-0', text: e.reason }));
    return renderPage(
      request,
      reply,
      '../portfolio/evidence-decision',
      {
        personId: subject.id,
        personName: subject.name,
        item: { ...item, kindLabel: evidenceKindLabels[item.kind] },
        attachments: page.attachments,
        claims,
        errors: [...errors, ...other],
      },
      details.length > 0 ? 400 : 200,
    );
  };

  app.get(
    '/people/:id/portfolio/evidence/:evidenceId/decision',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id, evidenceId } = paramsOf(EvidenceParams, request);
      return renderDecision(request, reply, deps, await evidenceDecisionPage(deps, actor, id, evidenceId));
    }),
  );

  app.post(
    '/people/:id/portfolio/evidence/:evidenceId/decision',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id, evidenceId } = paramsOf(EvidenceParams, request);
      const posted = postedDecisions(request.body);
      // A claim left without a choice is reported against its own radios rather than as a bad enum value.
      const missing = posted.filter((p) => p.outcome !== 'accepted' && p.outcome !== 'returned');
      if (missing.length > 0)
        return renderDecision(
          request,
          reply,
          deps,
          await evidenceDecisionPage(deps, actor, id, evidenceId),
          posted,
          missing.map((p) => ({
            where: `decisions.${p.itemCode}`,
            reason: `Decide whether to accept or return ${itemLabel(deps.catalogue, p.itemCode).text}`,
          })),
        );
      const decisions = posted.map((p) => ({
        itemCode: p.itemCode,
        outcome: p.outcome,
        ...(p.outcome === 'returned' ? { feedback: p.feedback } : {}),
      }));
      const outcome = await decideEvidenceOnPage(deps, actor, id, evidenceId, { decisions });
      if (!outcome.saved) {
        const { refusal } = outcome;
        const details = refusal.details.length > 0 ? refusal.details : [{ where: 'decision', reason: refusal.message }];
        return renderDecision(request, reply, deps, outcome.page, posted, details);
      }
      return reply.redirectWithFlash('/evidence-queue', 'Decisions saved. The staff member has been told.');
    }),
  );
};
