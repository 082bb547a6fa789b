import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ErrorDetail } from '../../../../contracts/errors.ts';
import { evidenceKindLabels } from '../../../../contracts/portfolio/evidence.ts';
import { itemLabel } from '../../../../framework/item-label.ts';
import {
  endSupervision,
  linkSupervisee,
  setSupervisionSetting,
  supervisionHref,
  supervisionPage,
} from '../../../../usecases/apprenticeships/supervision.ts';
import {
  decideAsSupervisor,
  type SupervisorDecisionPage,
  supervisionQueue,
  supervisionQueueHref,
  supervisorDecisionPage,
} from '../../../../usecases/apprenticeships/supervision-queue.ts';
import {
  defineForm,
  type FormErrors,
  type PageDeps,
  type Posted,
  paramsOf,
  postedOf,
  postedText,
  renderForm,
  renderPage,
  type SignedIn,
  signedInPage,
  submitForm,
} from '../../kit/index.ts';

const PersonParams = z.object({ id: z.uuid() });
const LinkParams = z.object({ id: z.uuid(), linkId: z.uuid() });
const EvidenceParams = z.object({ id: z.uuid(), evidenceId: z.uuid() });
const text = z.string().max(1000).optional();

const LinkForm = defineForm(z.object({ superviseeId: text }));
const SettingForm = defineForm(z.object({ supervisorsDecide: text }));

const renderSupervision = async (page: SignedIn, id: string, posted?: Posted, errors?: FormErrors) =>
  renderForm(
    page,
    '../apprenticeships/supervision',
    { ...(await supervisionPage(page.deps, page.actor, id)), posted: posted ?? {} },
    errors,
  );

type PostedDecision = { itemCode: string; outcome: string; feedback: string };

/** The decision form's claims as posted (the portfolio's decision form's names: item-N, outcome-N, feedback-N). */
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

const renderDecision = (
  page: SignedIn,
  deps: PageDeps,
  view: SupervisorDecisionPage,
  posted: PostedDecision[] = [],
  details: readonly ErrorDetail[] = [],
) => {
  const { subject, item } = view;
  if (!view.awaitingDecision) return page.reply.redirectWithFlash(supervisionQueueHref, 'This evidence has already been decided');
  const errorAt = (where: string) => details.find((e) => e.where === where)?.reason;
  const claims = view.waiting.map((c, index) => {
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
  const errors = [
    ...claims.flatMap((c) => [
      ...(c.outcomeError ? [{ href: `#outcome-${c.index}`, text: c.outcomeError }] : []),
      ...(c.feedbackError ? [{ href: `#feedback-${c.index}`, text: `${c.label}: ${c.feedbackError}` }] : []),
    ]),
    ...details.filter((e) => !e.where.startsWith('decisions.')).map((e) => ({ href: '#outcome-0', text: e.reason })),
  ];
  return renderPage(
    page.request,
    page.reply,
    '../apprenticeships/supervision-decision',
    {
      personId: subject.id,
      personName: subject.name,
      item: { ...item, kindLabel: evidenceKindLabels[item.kind] },
      attachments: view.attachments,
      claims,
      errors,
    },
    details.length > 0 ? 400 : 200,
  );
};

/** Associate Teacher supervision: the links (school admin, line manager), the supervisor's queue and their decisions. */
export const registerSupervisionPages = (app: FastifyInstance) => {
  app.get(
    '/people/:id/supervision',
    signedInPage((page) => renderSupervision(page, paramsOf(PersonParams, page.request).id)),
  );
  app.post(
    '/people/:id/supervision',
    signedInPage((page) => {
      const { id } = paramsOf(PersonParams, page.request);
      return submitForm(LinkForm, page.request.body, {
        save: (values) => linkSupervisee(page.deps, page.actor, id, values),
        again: (errors, posted) => renderSupervision(page, id, posted, errors),
        done: () => page.reply.redirectWithFlash(supervisionHref(id), 'Supervision recorded'),
      });
    }),
  );
  app.post(
    '/people/:id/supervision/:linkId/end',
    signedInPage(async (page) => {
      const { id, linkId } = paramsOf(LinkParams, page.request);
      await endSupervision(page.deps, page.actor, id, linkId);
      return page.reply.redirectWithFlash(supervisionHref(id), 'Supervision ended');
    }),
  );
  app.post(
    '/people/:id/supervision/setting',
    signedInPage((page) => {
      const { id } = paramsOf(PersonParams, page.request);
      return submitForm(SettingForm, page.request.body, {
        save: (values) => setSupervisionSetting(page.deps, page.actor, id, values),
        again: (errors, posted) => renderSupervision(page, id, posted, errors),
        done: () => page.reply.redirectWithFlash(supervisionHref(id), 'The school’s choice is saved'),
      });
    }),
  );

  app.get(
    '/supervision',
    signedInPage(async ({ request, reply, actor, deps }) =>
      renderPage(request, reply, '../apprenticeships/supervision-queue', await supervisionQueue(deps, actor)),
    ),
  );
  app.get(
    '/supervision/people/:id/evidence/:evidenceId',
    signedInPage(async (page) => {
      const { id, evidenceId } = paramsOf(EvidenceParams, page.request);
      return renderDecision(page, page.deps, await supervisorDecisionPage(page.deps, page.actor, id, evidenceId));
    }),
  );
  app.post(
    '/supervision/people/:id/evidence/:evidenceId',
    signedInPage(async (page) => {
      const { id, evidenceId } = paramsOf(EvidenceParams, page.request);
      const posted = postedDecisions(page.request.body);
      // A claim left without a choice is reported against its own radios rather than as a bad enum value.
      const missing = posted.filter((p) => p.outcome !== 'accepted' && p.outcome !== 'returned');
      if (missing.length > 0)
        return renderDecision(
          page,
          page.deps,
          await supervisorDecisionPage(page.deps, page.actor, id, evidenceId),
          posted,
          missing.map((p) => ({
            where: `decisions.${p.itemCode}`,
            reason: `Decide whether to accept or return ${itemLabel(page.deps.catalogue, p.itemCode).text}`,
          })),
        );
      const outcome = await decideAsSupervisor(page.deps, page.actor, id, evidenceId, {
        decisions: posted.map((p) => ({
          itemCode: p.itemCode,
          outcome: p.outcome,
          ...(p.outcome === 'returned' ? { feedback: p.feedback } : {}),
        })),
      });
      if (outcome.saved) return page.reply.redirectWithFlash(supervisionQueueHref, 'Decisions saved');
      const details =
        outcome.refusal.details.length > 0 ? outcome.refusal.details : [{ where: 'outcome', reason: outcome.refusal.message }];
      return renderDecision(page, page.deps, outcome.page, posted, details);
    }),
  );
};
