import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ErrorDetail } from '../../../../contracts/errors.ts';
import { evidenceKindLabels } from '../../../../contracts/portfolio/evidence.ts';
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
  renderForm,
  renderPage,
  type SignedIn,
  signedInPage,
  submitForm,
} from '../../kit/index.ts';
import { decisionClaims, decisionsOf, type PostedDecision, postedDecisions, undecidedClaims } from '../portfolio/decision-form.ts';

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

const renderDecision = (
  page: SignedIn,
  deps: PageDeps,
  view: SupervisorDecisionPage,
  posted: PostedDecision[] = [],
  details: readonly ErrorDetail[] = [],
) => {
  const { subject, item } = view;
  if (!view.awaitingDecision) return page.reply.redirectWithFlash(supervisionQueueHref, 'This evidence has already been decided');
  const { claims, errors } = decisionClaims(deps.catalogue, view.waiting, posted, details);
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
      const undecided = undecidedClaims(page.deps.catalogue, posted);
      if (undecided.length > 0)
        return renderDecision(page, page.deps, await supervisorDecisionPage(page.deps, page.actor, id, evidenceId), posted, undecided);
      const outcome = await decideAsSupervisor(page.deps, page.actor, id, evidenceId, { decisions: decisionsOf(posted) });
      if (outcome.saved) return page.reply.redirectWithFlash(supervisionQueueHref, 'Decisions saved');
      const details =
        outcome.refusal.details.length > 0 ? outcome.refusal.details : [{ where: 'outcome', reason: outcome.refusal.message }];
      return renderDecision(page, page.deps, outcome.page, posted, details);
    }),
  );
};
