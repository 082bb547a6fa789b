import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { evidenceKindLabels } from '../../../../contracts/portfolio/evidence.ts';
import { entryReasons } from '../../../../domain/hlta-preparation.ts';
import { assembleHltaEvidenceFile } from '../../../../usecases/portfolio/hlta-evidence-file.ts';
import type { HltaPreparationView } from '../../../../usecases/portfolio/hlta-preparation.ts';
import { chooseHltaDocumentsOnPage, hltaPage } from '../../../../usecases/portfolio/pages/hlta-pages.ts';
import { govukDate } from '../../dates.ts';
import { paramsOf, renderPage, signedInPage } from '../../kit/index.ts';
import { sendDownload } from './download.ts';

const PersonParams = z.object({ id: z.string().max(100) });
const ChooseForm = z.object({
  standardCode: z.string().max(100),
  evidenceIds: z
    .union([z.string().max(100), z.array(z.string().max(100)).max(20)])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
});

const kindLabels = new Map<string, string>(Object.entries(evidenceKindLabels));

const tagOf = {
  missing: { text: 'Missing', classes: 'govuk-tag--red' },
  few: { text: 'No document yet', classes: 'govuk-tag--yellow' },
  ok: { text: 'Ready', classes: 'govuk-tag--green' },
  'too-many': { text: 'Too many', classes: 'govuk-tag--orange' },
};

/** "Prepare for HLTA": the entry check, the 33 standards with their chosen documents, the forms to choose them and the ZIP. */
export const registerHltaPages = (app: FastifyInstance) => {
  const render = (
    request: FastifyRequest,
    reply: FastifyReply,
    view: HltaPreparationView,
    failure?: { standardCode: string; message: string },
  ) => {
    const { preparation, person } = view;
    const standards = preparation.standards.map((s) => {
      const chosen = new Set(s.documents.map((d) => d.evidenceId));
      return {
        ...s,
        anchor: `standard-${s.number}`,
        tag: tagOf[s.status],
        error: failure?.standardCode === s.code ? failure.message : undefined,
        candidates: (view.candidates.get(s.code) ?? []).map((c) => ({
          value: c.evidenceId,
          text: `${c.title} (${(kindLabels.get(c.kind) ?? c.kind).toLowerCase()}, ${govukDate(c.occurredOn)})`,
          checked: chosen.has(c.evidenceId),
        })),
      };
    });
    const failed = standards.find((s) => s.error);
    return renderPage(
      request,
      reply,
      '../portfolio/hlta',
      {
        person,
        personId: person.id,
        preparation,
        entryReasons: entryReasons(preparation.entry),
        standards,
        canEdit: view.canChoose,
        readyCount: standards.filter((s) => s.status === 'ok').length,
        errorList: failed ? [{ text: `Standard ${failed.number}: ${failed.error}`, href: `#${failed.anchor}-documents` }] : [],
      },
      failure ? 400 : 200,
    );
  };

  app.get(
    '/people/:id/portfolio/hlta',
    signedInPage(async ({ request, reply, actor, deps }) =>
      render(request, reply, await hltaPage(deps, actor, paramsOf(PersonParams, request).id)),
    ),
  );

  app.post(
    '/people/:id/portfolio/hlta',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id } = paramsOf(PersonParams, request);
      const form = ChooseForm.safeParse(request.body);
      const input = form.success ? form.data : { standardCode: '', evidenceIds: [] };
      const outcome = await chooseHltaDocumentsOnPage(deps, actor, id, input);
      if (!outcome.saved)
        return render(request, reply, outcome.page, { standardCode: input.standardCode, message: outcome.refusal.message });
      const { standardNumber } = outcome.result;
      return reply.redirectWithFlash(
        `/people/${id}/portfolio/hlta${standardNumber ? `#standard-${standardNumber}` : ''}`,
        standardNumber ? `Documents for standard ${standardNumber} saved` : 'Documents saved',
      );
    }),
  );

  app.get(
    '/people/:id/portfolio/hlta/evidence-file.zip',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id } = paramsOf(PersonParams, request);
      const file = await assembleHltaEvidenceFile(deps, actor, id);
      return sendDownload(reply, { fileName: file.fileName, type: 'application/zip', body: Buffer.from(file.bytes) });
    }),
  );
};
