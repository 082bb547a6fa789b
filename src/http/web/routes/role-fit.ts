import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../contracts/errors.ts';
import { confirmDutyProfile, saveDutyProfile } from '../../../usecases/progression/duty-profiles.ts';
import { roleFitPage } from '../../../usecases/progression/role-fit-page.ts';
import { type FormErrors, fieldErrorsOfAppError, isFormRefusal, noErrors, postedOf, postedText, renderPage } from '../kit/index.ts';
import { type ProgressionPage, progressionPage } from './next-step-access.ts';
import { answersFromForm, FREQUENCIES, questionnaire } from './role-fit-form.ts';

const ConfirmBody = z.object({ dutyProfileId: z.string().min(1).max(100).catch('') });
const printCss = readFileSync(new URL('../views/progression/print.css', import.meta.url), 'utf8');

/** The element id of a duty's radios. */
const dutyId = (code: string) => `duty-${code.replace(/[^A-Za-z0-9]/g, '-')}`;
const dutyOfWhere = (where: string) => /^\$\.duties\.(.+)$/.exec(where)?.[1];

/** The use-case's refusal beside each duty it names (the summary says which duty), the rest beside the graded role. */
const errorsOfRefusal = (error: AppError): FormErrors =>
  fieldErrorsOfAppError(
    new AppError(
      error.code,
      error.message,
      error.details.map((d) => {
        const duty = dutyOfWhere(d.where);
        return { where: d.where, reason: duty ? `${duty}: ${d.reason}` : d.reason };
      }),
    ),
    { fallback: 'currentRole', fieldOf: (where) => (dutyOfWhere(where) ? dutyId(dutyOfWhere(where) ?? '') : 'currentRole') },
  );

type Posted = { currentRole: string; answers: Record<string, string>; errors: FormErrors };

/** "Role fit": the duty questionnaire and the report of the latest stored duty profile (indicative, not a pay decision). */
export const registerRoleFitRoutes = (app: FastifyInstance) => {
  const render = async ({ request, reply, actor, deps, subject }: ProgressionPage, posted?: Posted) => {
    const page = await roleFitPage(deps, actor, subject.personId);
    const groups = questionnaire(deps.catalogue).map((g) => ({
      ...g,
      duties: g.duties.map((d) => ({ ...d, id: dutyId(d.code) })),
    }));
    const errors = posted?.errors ?? noErrors();
    return renderPage(
      request,
      reply,
      '../progression/role-fit',
      {
        ...page,
        subject,
        groups,
        answers: posted?.answers ?? page.profile?.duties ?? {},
        currentRole: posted?.currentRole ?? page.profile?.currentRole ?? page.gradedRole ?? '',
        roles: page.roles.map((r) => ({ value: r.id, text: `${r.id}: ${r.title}` })),
        frequencies: FREQUENCIES,
        ...errors,
      },
      posted ? 400 : 200,
    );
  };

  app.get('/progression/print.css', (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(printCss),
  );

  app.get('/me/role-fit', progressionPage('me', render));
  app.get('/people/:id/role-fit', progressionPage('param', render));

  const save = async (page: ProgressionPage) => {
    const { request, reply, actor, deps, subject } = page;
    const body = postedOf(request.body);
    const currentRole = postedText(body, 'currentRole');
    const answers = answersFromForm(body);
    try {
      await saveDutyProfile(deps, actor, subject.personId, { currentRole, duties: answers });
    } catch (error) {
      if (isFormRefusal(error) && error.code === 'validation')
        return render(page, { currentRole, answers, errors: errorsOfRefusal(error) });
      throw error;
    }
    return reply.redirectWithFlash(`${subject.base}/role-fit#report`, 'Duty profile saved');
  };
  app.post('/me/role-fit', progressionPage('me', save));
  app.post('/people/:id/role-fit', progressionPage('param', save));

  app.post(
    '/people/:id/role-fit/confirm',
    progressionPage('param', async ({ request, reply, actor, deps, subject }) => {
      const { dutyProfileId } = ConfirmBody.parse(postedOf(request.body));
      await confirmDutyProfile(deps, actor, subject.personId, dutyProfileId);
      return reply.redirectWithFlash(`${subject.base}/role-fit#report`, 'Duty profile confirmed');
    }),
  );
};
