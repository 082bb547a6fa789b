import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { evidenceKindLabels } from '../../../../contracts/portfolio/evidence.ts';
import { uploadRules } from '../../../../domain/attachments/upload-picker.ts';
import { claimsKeepingLocked } from '../../../../domain/evidence/claim-locks.ts';
import type { AppContext } from '../../../../usecases/context.ts';
import {
  deleteEvidenceDraft,
  type EvidenceEditorPage,
  evidenceEditorPage,
  evidenceListPage,
  evidencePage,
  saveEvidenceChanges,
  saveNewEvidence,
} from '../../../../usecases/portfolio/pages/evidence-pages.ts';
import { type FieldError, type PageDeps, paramsOf, queryOf, renderPage, signedInPage } from '../../kit/index.ts';
import { EvidenceForm, type EvidenceFormValues, evidenceFormValues, evidenceInputOf, kindItems, valuesOfStored } from './evidence-form.ts';
import { registerJudgementPages } from './evidence-judgements.ts';
import { registerEvidenceQueuePages } from './evidence-queue.ts';
import { registerEvidenceSignOffPages } from './evidence-sign-off.ts';
import { browseOf, type PickerBrowse, pickerOf } from './item-picker.ts';

const PersonParams = z.object({ id: z.string().max(100) });
const EvidenceParams = z.object({ id: z.string().max(100), evidenceId: z.string().max(100) });
const EditorQuery = z.object({ uploadError: z.string().max(300).optional().catch(undefined) });
/** The editor's buttons: save, save and go on to submit, and the two that only re-show the form (filter the items, suggest from the text). */
const EditorAction = z.object({ action: z.enum(['save', 'submit', 'filter', 'suggest']).catch('save') });

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

const base = (personId: string) => `/people/${personId}/portfolio/evidence`;
const actionOf = (body: unknown) => EditorAction.parse(body ?? {}).action;

/**
 * A person's evidence: the list, the editor (new and existing), the read-only view and deleting a
 * draft; with it the sign-off, judgement, review-queue and notification pages.
 */
export const registerEvidencePages = (app: FastifyInstance, context: AppContext) => {
  registerEvidenceSignOffPages(app);
  registerJudgementPages(app);
  registerEvidenceQueuePages(app);
  registerEditorPages(app, context);
};

type EditorView = {
  values: EvidenceFormValues;
  errors?: FieldError[];
  /** What the picker shows: from the posted form (the "Filter items" button) or, on a first visit, the query. */
  browse?: PickerBrowse;
  suggest?: boolean;
};

const registerEditorPages = (app: FastifyInstance, context: AppContext) => {
  const renderEditor = (request: FastifyRequest, reply: FastifyReply, deps: PageDeps, page: EvidenceEditorPage, view: EditorView) => {
    const { subject, evidence } = page;
    const browse = view.browse ?? browseOf(request.query);
    const errors = view.errors ?? [];
    const picker = pickerOf(deps.catalogue, {
      ticked: view.values.claims,
      filter: browse.filter,
      ...(browse.framework ? { framework: browse.framework } : {}),
      locked: evidence?.locked ?? [],
      ...(view.suggest ? { suggestFrom: `${view.values.title}\n${view.values.body}` } : {}),
    });
    const action = evidence ? `${base(subject.id)}/${evidence.item.id}` : `${base(subject.id)}/new`;
    return renderPage(
      request,
      reply,
      '../portfolio/evidence-editor',
      {
        personId: subject.id,
        personName: subject.name,
        evidenceId: evidence?.item.id ?? null,
        values: view.values,
        errors,
        action,
        kindItems: kindItems(view.values.kind),
        picker,
        item: evidence
          ? {
              ...evidence.item,
              tag: statusTags[evidence.item.status],
              claims: evidence.item.claims.map((c) => ({ ...c, tag: claimTags[c.status] })),
            }
          : null,
        can: page.can,
        attachments: evidence?.attachments ?? [],
        uploadError: queryOf(EditorQuery, request).query.uploadError ?? null,
        upload: uploadRules(context.config.attachmentMaxBytes),
      },
      errors.length > 0 ? 400 : 200,
    );
  };

  app.get(
    '/people/:id/portfolio/evidence',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id } = paramsOf(PersonParams, request);
      const page = await evidenceListPage(deps, actor, id);
      return renderPage(request, reply, '../portfolio/evidence-list', {
        personId: page.subject.id,
        personName: page.subject.name,
        own: page.self,
        canEdit: page.can.edit,
        canDecide: page.can.decide,
        items: page.items.map((e) => ({ ...e, kindLabel: evidenceKindLabels[e.kind], tag: statusTags[e.status] })),
      });
    }),
  );

  app.get(
    '/people/:id/portfolio/evidence/new',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id } = paramsOf(PersonParams, request);
      const page = await evidenceEditorPage(deps, actor, id, null);
      return renderEditor(request, reply, deps, page, {
        values: { kind: 'reflective-account', title: '', day: '', month: '', year: '', body: '', claims: [] },
      });
    }),
  );

  app.post(
    '/people/:id/portfolio/evidence/new',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id } = paramsOf(PersonParams, request);
      const values = evidenceFormValues(request.body);
      const view = { values, browse: browseOf(request.body) };
      const action = actionOf(request.body);
      // Filtering the items and asking for suggestions re-show the form with everything typed; nothing is saved.
      if (action === 'filter' || action === 'suggest')
        return renderEditor(request, reply, deps, await evidenceEditorPage(deps, actor, id, null), {
          ...view,
          suggest: action === 'suggest',
        });
      const read = EvidenceForm.parse(request.body);
      if (!read.ok)
        return renderEditor(request, reply, deps, await evidenceEditorPage(deps, actor, id, null), {
          ...view,
          errors: read.errors.errorList,
        });
      const outcome = await saveNewEvidence(deps, actor, id, evidenceInputOf(values, read.values.occurredOn));
      if (!outcome.saved)
        return renderEditor(request, reply, deps, outcome.page, { ...view, errors: EvidenceForm.errorsOf(outcome.refusal).errorList });
      return reply.redirectWithFlash(`${base(outcome.result.personId)}/${outcome.result.id}`, 'Draft saved');
    }),
  );

  app.get(
    '/people/:id/portfolio/evidence/:evidenceId',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id, evidenceId } = paramsOf(EvidenceParams, request);
      const page = await evidencePage(deps, actor, id, evidenceId);
      const { subject, item } = page;
      if (page.opensAsEditor)
        return renderEditor(
          request,
          reply,
          deps,
          { subject, self: page.self, evidence: { item, attachments: page.attachments, locked: page.locked }, can: page.can },
          { values: valuesOfStored(item) },
        );
      return renderPage(request, reply, '../portfolio/evidence-view', {
        personId: subject.id,
        personName: subject.name,
        own: page.self,
        item: { ...item, kindLabel: evidenceKindLabels[item.kind], tag: statusTags[item.status] },
        claims: item.claims.map((c) => ({ ...c, tag: claimTags[c.status] })),
        attachments: page.attachments,
        canDecide: page.can.decide,
      });
    }),
  );

  app.post(
    '/people/:id/portfolio/evidence/:evidenceId',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id, evidenceId } = paramsOf(EvidenceParams, request);
      const posted = evidenceFormValues(request.body);
      const action = actionOf(request.body);
      const browse = browseOf(request.body);
      // The locked (accepted) claims' boxes are disabled, so the browser does not post them: they are shown ticked again.
      const valuesOn = (page: EvidenceEditorPage) => ({
        ...posted,
        claims: claimsKeepingLocked(page.evidence?.locked ?? [], posted.claims),
      });
      if (action === 'filter' || action === 'suggest') {
        const page = await evidenceEditorPage(deps, actor, id, evidenceId);
        return renderEditor(request, reply, deps, page, { values: valuesOn(page), browse, suggest: action === 'suggest' });
      }
      const read = EvidenceForm.parse(request.body);
      if (!read.ok) {
        const page = await evidenceEditorPage(deps, actor, id, evidenceId);
        return renderEditor(request, reply, deps, page, { values: valuesOn(page), browse, errors: read.errors.errorList });
      }
      const outcome = await saveEvidenceChanges(deps, actor, id, evidenceId, evidenceInputOf(posted, read.values.occurredOn));
      if (!outcome.saved)
        return renderEditor(request, reply, deps, outcome.page, {
          values: valuesOn(outcome.page),
          browse,
          errors: EvidenceForm.errorsOf(outcome.refusal).errorList,
        });
      const saved = outcome.result;
      return action === 'submit'
        ? reply.redirect(`${base(saved.personId)}/${saved.id}/submit`, 303)
        : reply.redirectWithFlash(`${base(saved.personId)}/${saved.id}`, 'Changes saved');
    }),
  );

  app.post(
    '/people/:id/portfolio/evidence/:evidenceId/delete',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id, evidenceId } = paramsOf(EvidenceParams, request);
      await deleteEvidenceDraft(deps, actor, id, evidenceId);
      return reply.redirectWithFlash(base(id), 'Draft deleted');
    }),
  );
};
