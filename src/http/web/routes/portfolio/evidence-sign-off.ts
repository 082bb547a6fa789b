import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, type ErrorDetail } from '../../../../contracts/errors.ts';
import { evidenceKindLabels } from '../../../../contracts/portfolio/evidence.ts';
import type { Actor } from '../../../../domain/policy/actor.ts';
import { itemLabel } from '../../../../framework/item-label.ts';
import type { AppContext } from '../../../../usecases/context.ts';
import { attachmentsOf } from '../../../../usecases/portfolio/attachments.ts';
import { portfolioDeps } from '../../../../usecases/portfolio/deps.ts';
import { decideEvidence } from '../../../../usecases/portfolio/evidence/decide-evidence.ts';
import { showEvidence } from '../../../../usecases/portfolio/evidence/evidence-queries.ts';
import { pupilCheck } from '../../../../usecases/portfolio/evidence/pupil-check.ts';
import { submitEvidence } from '../../../../usecases/portfolio/evidence/submit-evidence.ts';
import { loadSubject } from '../../../../usecases/progression/stored-person.ts';
import { renderPage } from '../../views.ts';
import { signedInPage } from '../people-page.ts';
import { listOf } from './evidence-form.ts';
import { isInvalidInput, isShownOnForm } from './form-pages.ts';

const EvidenceParams = z.object({ id: z.string().max(100), evidenceId: z.string().max(100) });
const field = (body: unknown, name: string): unknown => (typeof body === 'object' && body !== null ? Reflect.get(body, name) : undefined);
const text = (value: unknown) => (typeof value === 'string' ? value : '');

type PostedDecision = { itemCode: string; outcome: string; feedback: string };

/** Submitting (after the pupil-anonymity check) and the manager's claim-by-claim decision. */
export const registerEvidenceSignOffPages = (app: FastifyInstance, context: AppContext) => {
  const deps = (request: FastifyRequest) => portfolioDeps(context, request.id);
  const base = (personId: string, evidenceId: string) => `/people/${personId}/portfolio/evidence/${evidenceId}`;

  const renderSubmit = async (
    request: FastifyRequest,
    reply: FastifyReply,
    actor: Actor,
    errors: { href: string; text: string }[],
    status = 200,
  ) => {
    const { id, evidenceId } = EvidenceParams.parse(request.params);
    const check = await pupilCheck(deps(request), actor, id, evidenceId);
    return renderPage(
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
      status,
    );
  };

  app.get(
    '/people/:id/portfolio/evidence/:evidenceId/submit',
    signedInPage(async (request, reply, actor) => renderSubmit(request, reply, actor, [])),
  );

  app.post(
    '/people/:id/portfolio/evidence/:evidenceId/submit',
    signedInPage(async (request, reply, actor) => {
      const { id, evidenceId } = EvidenceParams.parse(request.params);
      try {
        await submitEvidence(deps(request), actor, id, evidenceId, {
          pupilsAnonymised: listOf(field(request.body, 'anonymised')).includes('yes'),
        });
        return reply.redirect(base(id, evidenceId), 303);
      } catch (error) {
        if (!isShownOnForm(error)) throw error;
        const errors = (error.details.length > 0 ? error.details : [{ where: 'anonymised', reason: error.message }]).map((d) => ({
          href: '#anonymised',
          text: d.reason,
        }));
        return renderSubmit(request, reply, actor, errors, 400);
      }
    }),
  );

  const renderDecision = async (
    request: FastifyRequest,
    reply: FastifyReply,
    actor: Actor,
    posted: PostedDecision[],
    details: readonly ErrorDetail[],
    status = 200,
  ) => {
    const { id, evidenceId } = EvidenceParams.parse(request.params);
    const d = deps(request);
    // Only those who may decide see this page (the author is refused by the policy and the self check).
    await loadSubject(d, actor, id, 'person.decideEvidence');
    const { subject, item, can } = await showEvidence(d, actor, id, evidenceId);
    if (!can.decide) throw new AppError('forbidden', 'You cannot decide on your own evidence');
    if (item.status !== 'submitted') return reply.redirect(base(subject.id, item.id), 303);
    const attachments = (await attachmentsOf(d.db, subject.trustId, 'evidence', [item.id])).get(item.id) ?? [];
    const errorAt = (where: string) => details.find((e) => e.where === where)?.reason;
    const waiting = item.claims.filter((c) => c.status === 'claimed');
    const claims = waiting.map((c, index) => {
      const p = posted.find((x) => x.itemCode === c.itemCode);
      return {
        index,
        itemCode: c.itemCode,
        label: itemLabel(d.catalogue, c.itemCode).text,
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
        attachments,
        claims,
        errors: [...errors, ...other],
      },
      status,
    );
  };

  app.get(
    '/people/:id/portfolio/evidence/:evidenceId/decision',
    signedInPage(async (request, reply, actor) => renderDecision(request, reply, actor, [], [])),
  );

  app.post(
    '/people/:id/portfolio/evidence/:evidenceId/decision',
    signedInPage(async (request, reply, actor) => {
      const { id, evidenceId } = EvidenceParams.parse(request.params);
      const posted: PostedDecision[] = [];
      for (let i = 0; i < 100; i += 1) {
        const itemCode = text(field(request.body, `item-${i}`));
        if (!itemCode) break;
        posted.push({ itemCode, outcome: text(field(request.body, `outcome-${i}`)), feedback: text(field(request.body, `feedback-${i}`)) });
      }
      // A claim left without a choice is reported against its own radios rather than as a bad enum value.
      const missing = posted.filter((p) => p.outcome !== 'accepted' && p.outcome !== 'returned');
      if (missing.length > 0)
        return renderDecision(
          request,
          reply,
          actor,
          posted,
          missing.map((p) => ({
            where: `decisions.${p.itemCode}`,
            reason: `Decide whether to accept or return ${itemLabel(deps(request).catalogue, p.itemCode).text}`,
          })),
          400,
        );
      const decisions = posted.map((p) => ({
        itemCode: p.itemCode,
        outcome: p.outcome,
        ...(p.outcome === 'returned' ? { feedback: p.feedback } : {}),
      }));
      try {
        await decideEvidence(deps(request), actor, id, evidenceId, { decisions });
        return reply.redirect('/evidence-queue', 303);
      } catch (error) {
        if (!isInvalidInput(error)) throw error;
        return renderDecision(request, reply, actor, posted, error.details, 400);
      }
    }),
  );
};
