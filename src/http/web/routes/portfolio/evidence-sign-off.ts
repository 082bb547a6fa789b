import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ErrorDetail } from '../../../../contracts/errors.ts';
import { evidenceKindLabels } from '../../../../contracts/portfolio/evidence.ts';
import {
  decideEvidenceOnPage,
  type EvidenceDecisionPage,
  evidenceDecisionPage,
  evidenceSubmitPage,
  type SubmitPage,
  submitEvidenceOnPage,
} from '../../../../usecases/portfolio/pages/evidence-decision-pages.ts';
import { type PageDeps, paramsOf, postedOf, renderPage, signedInPage } from '../../kit/index.ts';
import { decisionClaims, decisionsOf, type PostedDecision, postedDecisions, undecidedClaims } from './decision-form.ts';
import { listOf } from './evidence-form.ts';

const EvidenceParams = z.object({ id: z.string().max(100), evidenceId: z.string().max(100) });

const evidencePath = (personId: string, evidenceId: string) => `/people/${personId}/portfolio/evidence/${evidenceId}`;

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
    const { claims, errors } = decisionClaims(deps.catalogue, page.waiting, posted, details);
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
        errors,
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
      const undecided = undecidedClaims(deps.catalogue, posted);
      if (undecided.length > 0)
        return renderDecision(request, reply, deps, await evidenceDecisionPage(deps, actor, id, evidenceId), posted, undecided);
      const outcome = await decideEvidenceOnPage(deps, actor, id, evidenceId, { decisions: decisionsOf(posted) });
      if (!outcome.saved) {
        const { refusal } = outcome;
        const details = refusal.details.length > 0 ? refusal.details : [{ where: 'decision', reason: refusal.message }];
        return renderDecision(request, reply, deps, outcome.page, posted, details);
      }
      return reply.redirectWithFlash('/evidence-queue', 'Decisions saved. The staff member has been told.');
    }),
  );
};
