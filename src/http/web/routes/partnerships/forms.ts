import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DeploymentInput, EngagementInput } from '../../../../contracts/partnerships.ts';
import { sessions, weekdayNames, weekdays } from '../../../../domain/partnerships/work-pattern.ts';
import { showDeployment } from '../../../../usecases/partnerships/deployment-view.ts';
import { createDeployment, deploymentFormOptions, saveWorkPattern } from '../../../../usecases/partnerships/deployments.ts';
import { engagementFormOptions, recordEngagement } from '../../../../usecases/partnerships/engagements.ts';
import { addPartner, partnerFormOptions } from '../../../../usecases/partnerships/partners.ts';
import { dateInput, defineForm, type FormErrors, noErrors, type Posted, paramsOf, renderPage, signedInPage } from '../../kit/index.ts';
import { DeploymentParams, PartnershipParams, partnershipDepsOf } from './deps.ts';

// The forms' schemas are the contracts' (shared with the API), with GOV.UK date inputs for the dates.
// A partner form has both shapes' fields; `source` says which one is meant.
const PartnerForm = defineForm(
  z.object({
    source: z.enum(['platform', 'external'], { error: 'Choose a school on Pathways or an organisation outside it' }),
    organisationId: z.string().optional(),
    name: z.string().optional(),
    phase: z.string().optional(),
    sector: z.string().optional(),
    postcodeArea: z.string().optional(),
  }),
);
const DeploymentForm = defineForm(
  DeploymentInput.extend({
    startsOn: dateInput(undefined, { name: 'The start date' }),
    endsOn: dateInput(undefined, { name: 'The end date' }).optional(),
  }),
);
const EngagementForm = defineForm(EngagementInput.extend({ occurredOn: dateInput(undefined, { name: 'The date of the engagement' }) }));
const PatternForm = defineForm(
  z.object({
    slot: z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().max(60)).max(100)),
  }),
);

/** A half-day box's value: `3-afternoon-<partner id>`. */
const slotOf = (value: string) => {
  const match = /^([1-5])-(morning|afternoon)-([0-9a-f-]{36})$/.exec(value);
  return match ? { weekday: Number(match[1]), session: match[2], partnerId: match[3] } : null;
};

/** Adding partner organisations, deploying teachers, planning their week and recording engagements. */
export const registerPartnershipForms = (app: FastifyInstance) => {
  app.get(
    '/partnerships/:id/partners/new',
    signedInPage(async ({ request, reply, actor }) => {
      const { id } = paramsOf(PartnershipParams, request);
      const page = await partnerFormOptions(await partnershipDepsOf(request), actor, id);
      return renderPage(request, reply, '../partnerships/partner-form', { ...page, posted: { source: 'external' }, ...noErrors() });
    }),
  );
  app.post(
    '/partnerships/:id/partners/new',
    signedInPage(async ({ request, reply, actor }) => {
      const { id } = paramsOf(PartnershipParams, request);
      const deps = await partnershipDepsOf(request);
      const form = PartnerForm.parse(request.body);
      const again = async (errors: FormErrors) =>
        renderPage(
          request,
          reply,
          '../partnerships/partner-form',
          { ...(await partnerFormOptions(deps, actor, id)), posted: form.posted, ...errors },
          400,
        );
      if (!form.ok) return again(form.errors);
      try {
        await addPartner(deps, actor, id, form.values);
      } catch (error) {
        if (PartnerForm.refuses(error)) return again(PartnerForm.errorsOf(error));
        throw error;
      }
      return reply.redirectWithFlash(`/partnerships/${id}`, 'Organisation added to the partnership');
    }),
  );

  app.get(
    '/partnerships/:id/deployments/new',
    signedInPage(async ({ request, reply, actor }) => {
      const { id } = paramsOf(PartnershipParams, request);
      const page = await deploymentFormOptions(await partnershipDepsOf(request), actor, id);
      return renderPage(request, reply, '../partnerships/deployment-form', { ...page, posted: { shareUnit: 'fte' }, ...noErrors() });
    }),
  );
  app.post(
    '/partnerships/:id/deployments/new',
    signedInPage(async ({ request, reply, actor }) => {
      const { id } = paramsOf(PartnershipParams, request);
      const deps = await partnershipDepsOf(request);
      const form = DeploymentForm.parse(request.body);
      const again = async (errors: FormErrors) =>
        renderPage(
          request,
          reply,
          '../partnerships/deployment-form',
          { ...(await deploymentFormOptions(deps, actor, id)), posted: form.posted, ...errors },
          400,
        );
      if (!form.ok) return again(form.errors);
      let created: { id: string };
      try {
        created = await createDeployment(deps, actor, id, form.values);
      } catch (error) {
        if (DeploymentForm.refuses(error)) return again(DeploymentForm.errorsOf(error));
        throw error;
      }
      return reply.redirectWithFlash(`/partnerships/${id}/deployments/${created.id}`, 'Teacher deployed');
    }),
  );

  const patternPage = async (
    request: Parameters<typeof partnershipDepsOf>[0],
    actor: Parameters<typeof showDeployment>[1],
    id: string,
    deploymentId: string,
    posted?: Posted,
  ) => {
    const page = await showDeployment(await partnershipDepsOf(request), actor, id, deploymentId, {});
    const chosen = new Set(
      posted ? [posted.slot ?? []].flat().map(String) : page.deployment.pattern.map((s) => `${s.weekday}-${s.session}-${s.partnerId}`),
    );
    return {
      ...page,
      days: weekdays.map((weekday) => ({
        weekday,
        name: weekdayNames[weekday],
        sessions: sessions.map((session) => ({
          session,
          boxes: page.sites.map((site) => {
            const value = `${weekday}-${session}-${site.id}`;
            return { value, text: site.home ? `${site.name} (home)` : site.name, checked: chosen.has(value) };
          }),
        })),
      })),
    };
  };
  app.get(
    '/partnerships/:id/deployments/:deploymentId/pattern',
    signedInPage(async ({ request, reply, actor }) => {
      const { id, deploymentId } = paramsOf(DeploymentParams, request);
      const page = await patternPage(request, actor, id, deploymentId);
      if (!page.can.managePattern) return renderPage(request, reply, '../people/forbidden', {}, 403);
      return renderPage(request, reply, '../partnerships/pattern-form', { ...page, ...noErrors() });
    }),
  );
  app.post(
    '/partnerships/:id/deployments/:deploymentId/pattern',
    signedInPage(async ({ request, reply, actor }) => {
      const { id, deploymentId } = paramsOf(DeploymentParams, request);
      const deps = await partnershipDepsOf(request);
      const form = PatternForm.parse(request.body);
      const again = async (errors: FormErrors) =>
        renderPage(
          request,
          reply,
          '../partnerships/pattern-form',
          { ...(await patternPage(request, actor, id, deploymentId, form.posted)), ...errors },
          400,
        );
      if (!form.ok) return again(form.errors);
      const slots = form.values.slot.map(slotOf);
      try {
        await saveWorkPattern(deps, actor, id, deploymentId, { slots: slots.filter((s) => s !== null) });
      } catch (error) {
        if (PatternForm.refuses(error)) return again(PatternForm.errorsOf(error, { fieldOf: () => 'slot', withMessage: false }));
        throw error;
      }
      return reply.redirectWithFlash(`/partnerships/${id}/deployments/${deploymentId}`, 'Work pattern saved');
    }),
  );

  app.get(
    '/partnerships/:id/deployments/:deploymentId/engagements/new',
    signedInPage(async ({ request, reply, actor }) => {
      const { id, deploymentId } = paramsOf(DeploymentParams, request);
      const page = await engagementFormOptions(await partnershipDepsOf(request), actor, id, deploymentId);
      return renderPage(request, reply, '../partnerships/engagement-form', { ...page, posted: {}, ...noErrors() });
    }),
  );
  app.post(
    '/partnerships/:id/deployments/:deploymentId/engagements/new',
    signedInPage(async ({ request, reply, actor }) => {
      const { id, deploymentId } = paramsOf(DeploymentParams, request);
      const deps = await partnershipDepsOf(request);
      const form = EngagementForm.parse(request.body);
      const again = async (errors: FormErrors) =>
        renderPage(
          request,
          reply,
          '../partnerships/engagement-form',
          { ...(await engagementFormOptions(deps, actor, id, deploymentId)), posted: form.posted, ...errors },
          400,
        );
      if (!form.ok) return again(form.errors);
      try {
        await recordEngagement(deps, actor, id, deploymentId, form.values);
      } catch (error) {
        if (EngagementForm.refuses(error)) return again(EngagementForm.errorsOf(error));
        throw error;
      }
      return reply.redirectWithFlash(`/partnerships/${id}/deployments/${deploymentId}`, 'Engagement recorded');
    }),
  );
};
