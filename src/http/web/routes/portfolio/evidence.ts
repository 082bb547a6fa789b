import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { evidenceKindLabels } from '../../../../contracts/portfolio/evidence.ts';
import { editableParts } from '../../../../domain/evidence/workflow.ts';
import type { Actor } from '../../../../domain/policy/actor.ts';
import type { StoredEvidence } from '../../../../store/evidence.ts';
import type { AppContext } from '../../../../usecases/context.ts';
import { attachmentsOf } from '../../../../usecases/portfolio/attachments.ts';
import { portfolioDeps } from '../../../../usecases/portfolio/deps.ts';
import { loadEvidence } from '../../../../usecases/portfolio/evidence/evidence-access.ts';
import { listEvidence, showEvidence } from '../../../../usecases/portfolio/evidence/evidence-queries.ts';
import { createEvidence, deleteDraft, updateEvidence } from '../../../../usecases/portfolio/evidence/write-evidence.ts';
import { loadSubject } from '../../../../usecases/progression/stored-person.ts';
import { renderPage } from '../../views.ts';
import { signedInPage } from '../people-page.ts';
import { type EvidenceFormValues, evidenceFormValues, evidenceInputOf, formErrors, kindItems, valuesOfStored } from './evidence-form.ts';
import { registerJudgementPages } from './evidence-judgements.ts';
import { registerEvidenceQueuePages } from './evidence-queue.ts';
import { registerEvidenceSignOffPages } from './evidence-sign-off.ts';
import { isInvalidInput, registerFormPages } from './form-pages.ts';
import { browseOf, pickerOf } from './item-picker.ts';

const PersonParams = z.object({ id: z.string().max(100) });
const EvidenceParams = z.object({ id: z.string().max(100), evidenceId: z.string().max(100) });
const EditorQuery = z.object({
  uploadError: z.string().max(300).optional().catch(undefined),
});

export const statusTags = {
  draft: { text: 'Draft', classes: 'govuk-tag--grey' },
  submitted: { text: 'Waiting for a decision', classes: 'govuk-tag--blue' },
  decided: { text: 'Decided', classes: 'govuk-tag--green' },
} as const;

export const claimTags = {
  claimed: { text: 'Claimed', classes: 'govuk-tag--blue' },
  accepted: { text: 'Accepted', classes: 'govuk-tag--green' },
  returned: { text: 'Returned', classes: 'govuk-tag--orange' },
} as const;

const storedView = (item: StoredEvidence) => ({
  ...item,
  tag: statusTags[item.status],
  claims: item.claims.map((c) => ({ ...c, tag: claimTags[c.status] })),
});

const base = (personId: string) => `/people/${personId}/portfolio/evidence`;

/**
 * A person's evidence: the list, the editor (new and existing), the read-only view and deleting a
 * draft; with it the sign-off, judgement, review-queue and notification pages.
 */
export const registerEvidencePages = (parent: FastifyInstance, context: AppContext) =>
  registerFormPages(parent, context, (app) => {
    registerEvidenceSignOffPages(app, context);
    registerJudgementPages(app, context);
    registerEvidenceQueuePages(app, context);
    registerEditorPages(app, context);
  });

const registerEditorPages = (app: FastifyInstance, context: AppContext) => {
  const deps = (request: FastifyRequest) => portfolioDeps(context, request.id);

  const renderEditor = async (
    request: FastifyRequest,
    reply: FastifyReply,
    view: {
      personId: string;
      personName: string;
      evidenceId: string | null;
      values: EvidenceFormValues;
      locked: string[];
      errors: ReturnType<typeof formErrors>;
      suggest: boolean;
      /** What the picker shows: from the posted form (the "Filter items" button) or, on a first visit, the query. */
      browse?: { filter: string; framework: string };
      /** The stored evidence with its claim outcomes, once it exists. */
      item?: unknown;
    },
    status = 200,
  ) => {
    const query = EditorQuery.parse(request.query ?? {});
    const d = deps(request);
    const browse = view.browse ?? browseOf(request.query);
    const picker = pickerOf(d.catalogue, {
      ticked: view.values.claims,
      filter: browse.filter,
      ...(browse.framework ? { framework: browse.framework } : {}),
      locked: view.locked,
      ...(view.suggest ? { suggestFrom: `${view.values.title}\n${view.values.body}` } : {}),
    });
    const attachments = view.evidenceId
      ? ((
          await attachmentsOf(d.db, (await loadSubject(d, request.actor, view.personId, 'person.editPortfolio')).trustId, 'evidence', [
            view.evidenceId,
          ])
        ).get(view.evidenceId) ?? [])
      : [];
    const action = view.evidenceId ? `${base(view.personId)}/${view.evidenceId}` : `${base(view.personId)}/new`;
    return renderPage(
      request,
      reply,
      '../portfolio/evidence-editor',
      {
        ...view,
        action,
        kindItems: kindItems(view.values.kind),
        picker,
        attachments,
        uploadError: query.uploadError ?? null,
        maxBytes: context.config.attachmentMaxBytes,
      },
      status,
    );
  };

  app.get(
    '/people/:id/portfolio/evidence',
    signedInPage(async (request, reply, actor) => {
      const { id } = PersonParams.parse(request.params);
      const { subject, items, can } = await listEvidence(deps(request), actor, id);
      return renderPage(request, reply, '../portfolio/evidence-list', {
        personId: subject.id,
        personName: subject.name,
        own: actor.personId === subject.id,
        canEdit: can.edit,
        canDecide: can.decide,
        items: items.map((e) => ({ ...e, kindLabel: evidenceKindLabels[e.kind], tag: statusTags[e.status] })),
      });
    }),
  );

  app.get(
    '/people/:id/portfolio/evidence/new',
    signedInPage(async (request, reply, actor) => {
      const { id } = PersonParams.parse(request.params);
      const subject = await loadSubject(deps(request), actor, id, 'person.editPortfolio');
      const values = { kind: 'reflective-account', title: '', day: '', month: '', year: '', body: '', claims: [] };
      return renderEditor(request, reply, {
        personId: subject.id,
        personName: subject.name,
        evidenceId: null,
        values,
        locked: [],
        errors: [],
        suggest: false,
      });
    }),
  );

  app.post(
    '/people/:id/portfolio/evidence/new',
    signedInPage(async (request, reply, actor) => {
      const { id } = PersonParams.parse(request.params);
      const subject = await loadSubject(deps(request), actor, id, 'person.editPortfolio');
      const values = evidenceFormValues(request.body);
      const view = {
        personId: subject.id,
        personName: subject.name,
        evidenceId: null,
        values,
        locked: [],
        errors: [],
        suggest: false,
        browse: browseOf(request.body),
      };
      // Filtering the items and asking for suggestions re-show the form with everything typed; nothing is saved.
      if (actionOf(request.body) === 'filter') return renderEditor(request, reply, view);
      if (actionOf(request.body) === 'suggest') return renderEditor(request, reply, { ...view, suggest: true });
      try {
        const created = await createEvidence(deps(request), actor, subject.id, evidenceInputOf(values));
        return reply.redirect(`${base(subject.id)}/${created.id}`, 303);
      } catch (error) {
        if (!isInvalidInput(error)) throw error;
        return renderEditor(request, reply, { ...view, errors: formErrors(error.details) }, 400);
      }
    }),
  );

  app.get(
    '/people/:id/portfolio/evidence/:evidenceId',
    signedInPage(async (request, reply, actor) => {
      const { id, evidenceId } = EvidenceParams.parse(request.params);
      const { subject, item, can } = await showEvidence(deps(request), actor, id, evidenceId);
      const parts = editableParts(item);
      if (can.edit && parts.any) {
        const locked = item.claims.filter((c) => c.status === 'accepted').map((c) => c.itemCode);
        return renderEditor(request, reply, {
          personId: subject.id,
          personName: subject.name,
          evidenceId: item.id,
          values: valuesOfStored(item),
          locked,
          errors: [],
          suggest: false,
          item: storedView(item),
        });
      }
      return renderView(request, reply, actor, { subject, item, can });
    }),
  );

  app.post(
    '/people/:id/portfolio/evidence/:evidenceId',
    signedInPage(async (request, reply, actor) => {
      const { id, evidenceId } = EvidenceParams.parse(request.params);
      // Authorized for editing before the evidence is looked up, so others are refused rather than told it is missing.
      const { subject, item } = await loadEvidence(deps(request), actor, id, evidenceId, 'person.editPortfolio');
      const values = evidenceFormValues(request.body);
      const locked = item.claims.filter((c) => c.status === 'accepted').map((c) => c.itemCode);
      const view = {
        personId: subject.id,
        personName: subject.name,
        evidenceId: item.id,
        values: { ...values, claims: [...new Set([...locked, ...values.claims])] },
        locked,
        errors: [],
        suggest: false,
        browse: browseOf(request.body),
        item: storedView(item),
      };
      if (actionOf(request.body) === 'filter') return renderEditor(request, reply, view);
      if (actionOf(request.body) === 'suggest') return renderEditor(request, reply, { ...view, suggest: true });
      try {
        await updateEvidence(deps(request), actor, subject.id, item.id, evidenceInputOf(view.values));
        return reply.redirect(
          actionOf(request.body) === 'submit' ? `${base(subject.id)}/${item.id}/submit` : `${base(subject.id)}/${item.id}`,
          303,
        );
      } catch (error) {
        if (!isInvalidInput(error)) throw error;
        return renderEditor(request, reply, { ...view, errors: formErrors(error.details) }, 400);
      }
    }),
  );

  app.post(
    '/people/:id/portfolio/evidence/:evidenceId/delete',
    signedInPage(async (request, reply, actor) => {
      const { id, evidenceId } = EvidenceParams.parse(request.params);
      await deleteDraft(deps(request), actor, id, evidenceId);
      return reply.redirect(base(id), 303);
    }),
  );

  const renderView = async (
    request: FastifyRequest,
    reply: FastifyReply,
    actor: Actor,
    shown: Awaited<ReturnType<typeof showEvidence>>,
  ) => {
    const { subject, item, can } = shown;
    const attachments = (await attachmentsOf(deps(request).db, subject.trustId, 'evidence', [item.id])).get(item.id) ?? [];
    return renderPage(request, reply, '../portfolio/evidence-view', {
      personId: subject.id,
      personName: subject.name,
      own: actor.personId === subject.id,
      item: { ...item, kindLabel: evidenceKindLabels[item.kind], tag: statusTags[item.status] },
      claims: item.claims.map((c) => ({ ...c, tag: claimTags[c.status] })),
      attachments,
      canDecide: can.decide && item.status === 'submitted',
    });
  };
};

const actionOf = (body: unknown): string => {
  const value = typeof body === 'object' && body !== null ? Reflect.get(body, 'action') : undefined;
  return typeof value === 'string' ? value : 'save';
};
