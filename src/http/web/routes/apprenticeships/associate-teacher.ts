import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  associateTeacherHref,
  associateTeacherPage,
  moduleFormPage,
  recordModule,
} from '../../../../usecases/apprenticeships/associate-teacher.ts';
import {
  defineForm,
  type FormErrors,
  type Posted,
  paramsOf,
  renderForm,
  renderPage,
  type SignedIn,
  signedInPage,
  submitForm,
} from '../../kit/index.ts';

const EnrolmentParams = z.object({ id: z.uuid() });
const ModuleParams = z.object({ id: z.uuid(), moduleId: z.uuid() });
const text = z.string().max(1000).optional();

/** The fields as posted; the use-case validates them with the shared contract and the rules file. */
const ModuleForm = defineForm(z.object({ code: text, title: text, level: text, credits: text, result: text, mark: text }));

const renderModuleForm = async (page: SignedIn, id: string, moduleId: string | null, posted?: Posted, errors?: FormErrors) => {
  const view = await moduleFormPage(page.deps, page.actor, id, moduleId);
  const m = view.module;
  const values = m
    ? {
        code: m.code,
        title: m.title,
        level: String(m.level),
        credits: String(m.credits),
        result: m.result,
        mark: m.mark === null ? '' : String(m.mark),
      }
    : { result: 'in_progress' };
  return renderForm(page, '../apprenticeships/associate-teacher-module', { ...view, posted: posted ?? values }, errors);
};

const moduleSave = (page: SignedIn, id: string, moduleId: string | null) =>
  submitForm(ModuleForm, page.request.body, {
    save: (values) => recordModule(page.deps, page.actor, id, values, moduleId ?? undefined),
    again: (errors, posted) => renderModuleForm(page, id, moduleId, posted, errors),
    done: () => page.reply.redirectWithFlash(`${associateTeacherHref(id)}#modules`, moduleId ? 'Module changed' : 'Module added'),
  });

/** The Associate Teacher programme of an enrolment: Foundation Degree modules and credits, and the 16 duties' evidence. */
export const registerAssociateTeacherPages = (app: FastifyInstance) => {
  app.get(
    '/enrolments/:id/associate-teacher',
    signedInPage(async ({ request, reply, actor, deps }) =>
      renderPage(
        request,
        reply,
        '../apprenticeships/associate-teacher',
        await associateTeacherPage(deps, actor, paramsOf(EnrolmentParams, request).id),
      ),
    ),
  );
  app.get(
    '/enrolments/:id/associate-teacher/modules/new',
    signedInPage((page) => renderModuleForm(page, paramsOf(EnrolmentParams, page.request).id, null)),
  );
  app.post(
    '/enrolments/:id/associate-teacher/modules/new',
    signedInPage((page) => moduleSave(page, paramsOf(EnrolmentParams, page.request).id, null)),
  );
  app.get(
    '/enrolments/:id/associate-teacher/modules/:moduleId',
    signedInPage((page) => {
      const { id, moduleId } = paramsOf(ModuleParams, page.request);
      return renderModuleForm(page, id, moduleId);
    }),
  );
  app.post(
    '/enrolments/:id/associate-teacher/modules/:moduleId',
    signedInPage((page) => {
      const { id, moduleId } = paramsOf(ModuleParams, page.request);
      return moduleSave(page, id, moduleId);
    }),
  );
};
