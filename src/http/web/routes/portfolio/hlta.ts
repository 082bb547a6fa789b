import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ErrorDetail } from '../../../../contracts/errors.ts';
import { entryReasons } from '../../../../domain/hlta-preparation.ts';
import type { Actor } from '../../../../domain/policy/actor.ts';
import type { AppContext } from '../../../../usecases/context.ts';
import { portfolioDeps } from '../../../../usecases/portfolio/deps.ts';
import { assembleHltaEvidenceFile } from '../../../../usecases/portfolio/hlta-evidence-file.ts';
import { chooseHltaDocuments, hltaPreparationOf } from '../../../../usecases/portfolio/hlta-preparation.ts';
import { govukDate } from '../../dates.ts';
import { renderPage } from '../../views.ts';
import { signedInPage } from '../people-page.ts';
import { sendDownload } from './download.ts';
import { isInvalidInput, registerFormPages } from './form-pages.ts';

const PersonParams = z.object({ id: z.string().max(100) });
const ChooseForm = z.object({
  standardCode: z.string().max(100),
  evidenceIds: z
    .union([z.string().max(100), z.array(z.string().max(100)).max(20)])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
});

const tagOf = {
  missing: { text: 'Missing', classes: 'govuk-tag--red' },
  few: { text: 'No document yet', classes: 'govuk-tag--yellow' },
  ok: { text: 'Ready', classes: 'govuk-tag--green' },
  'too-many': { text: 'Too many', classes: 'govuk-tag--orange' },
};

/** "Prepare for HLTA": the entry check, the 33 standards with their chosen documents, the forms to choose them and the ZIP. */
export const registerHltaPages = (parent: FastifyInstance, context: AppContext) => registerFormPages(parent, context, registerHltaRoutes);

const registerHltaRoutes = (app: FastifyInstance, context: AppContext) => {
  const deps = (requestId: string) => portfolioDeps(context, requestId);

  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    actor: Actor,
    id: string,
    failure?: { standardCode: string; errors: readonly ErrorDetail[]; message: string },
  ) => {
    const view = await hltaPreparationOf(deps(request.id), actor, id);
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
          text: `${c.title} (${c.kind.replace(/-/g, ' ')}, ${govukDate(c.occurredOn)})`,
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
    signedInPage(async (request, reply, actor) => render(request, reply, actor, PersonParams.parse(request.params).id)),
  );

  app.post(
    '/people/:id/portfolio/hlta',
    signedInPage(async (request, reply, actor) => {
      const { id } = PersonParams.parse(request.params);
      const form = ChooseForm.safeParse(request.body);
      const input = form.success ? form.data : { standardCode: '', evidenceIds: [] };
      try {
        await chooseHltaDocuments(deps(request.id), actor, id, input);
      } catch (error) {
        if (isInvalidInput(error))
          return render(request, reply, actor, id, { standardCode: input.standardCode, errors: error.details, message: error.message });
        throw error;
      }
      const number = Number(/^HLTA\.(\d+)$/.exec(input.standardCode)?.[1] ?? 0);
      return reply.redirect(`/people/${id}/portfolio/hlta${number ? `#standard-${number}` : ''}`, 303);
    }),
  );

  app.get(
    '/people/:id/portfolio/hlta/evidence-file.zip',
    signedInPage(async (request, reply, actor) => {
      const { id } = PersonParams.parse(request.params);
      const file = await assembleHltaEvidenceFile(deps(request.id), actor, id);
      return sendDownload(reply, { fileName: file.fileName, type: 'application/zip', body: Buffer.from(file.bytes) });
    }),
  );
};
