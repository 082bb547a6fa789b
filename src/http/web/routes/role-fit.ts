import { readFileSync } from 'node:fs';
import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type AppError, isAppError } from '../../../contracts/errors.ts';
import { ROLE_FIT_FRAMEWORK } from '../../../domain/role-fit.ts';
import type { AppContext } from '../../../usecases/context.ts';
import type { ProgressionDeps } from '../../../usecases/progression/deps.ts';
import { confirmDutyProfile, saveDutyProfile } from '../../../usecases/progression/duty-profiles.ts';
import { roleFitForPerson } from '../../../usecases/progression/person-progression.ts';
import { storedPersonState } from '../../../usecases/progression/stored-person.ts';
import { renderPage } from '../views.ts';
import { personPage, type Subject } from './next-step-access.ts';
import { answersFromForm, FREQUENCIES, questionnaire } from './role-fit-form.ts';

const Params = z.object({ id: z.string().min(1).max(100) });
const ConfirmBody = z.object({ dutyProfileId: z.string().min(1).max(100) });
const printCss = readFileSync(new URL('../views/progression/print.css', import.meta.url), 'utf8');

const fieldOf = (where: string) => {
  const duty = /^\$\.duties\.(.+)$/.exec(where);
  return duty?.[1] ? `duty-${duty[1].replace(/[^A-Za-z0-9]/g, '-')}` : 'currentRole';
};

/** "Role fit": the duty questionnaire and the report of the latest stored duty profile (indicative, not a pay decision). */
export const registerRoleFitRoutes = async (app: FastifyInstance, context: AppContext) => {
  const render = async (
    deps: ProgressionDeps,
    subject: Subject,
    request: FastifyRequest,
    reply: FastifyReply,
    posted?: { currentRole: string; answers: Record<string, string>; error: AppError },
  ) => {
    const [result, described] = await Promise.all([
      roleFitForPerson(deps, request.actor, subject.personId),
      storedPersonState(deps, request.actor, subject.personId),
    ]);
    const groups = questionnaire(deps.catalogue).map((g) => ({
      ...g,
      duties: g.duties.map((d) => ({ ...d, id: `duty-${d.code.replace(/[^A-Za-z0-9]/g, '-')}` })),
    }));
    const answers = posted?.answers ?? result.profile?.duties ?? {};
    const currentRole = posted?.currentRole ?? result.profile?.currentRole ?? described.state.role ?? '';
    const errors = posted
      ? posted.error.details.map((d) => ({ field: fieldOf(d.where), text: `${d.where.replace(/^\$\./, '')}: ${d.reason}` }))
      : [];
    const roles = deps.catalogue
      .roles()
      .filter(({ framework }) => framework.id === ROLE_FIT_FRAMEWORK)
      .map(({ role }) => ({ value: role.id, text: `${role.id}: ${role.title}` }));
    return renderPage(
      request,
      reply,
      '../progression/role-fit',
      {
        ...result,
        subject,
        groups,
        answers,
        currentRole,
        roles,
        frequencies: FREQUENCIES,
        errors,
        fieldErrors: Object.fromEntries(errors.map((e) => [e.field, e.text])),
        canConfirm: !subject.self && result.profile?.status === 'self-assessed',
      },
      posted ? 400 : 200,
    );
  };

  await app.register(async (scope) => {
    await scope.register(formbody);
    scope.get('/progression/print.css', (_request, reply) =>
      reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(printCss),
    );

    const show = (id: string | 'me', request: FastifyRequest, reply: FastifyReply) =>
      personPage(context, request, reply, id, (deps, subject) => render(deps, subject, request, reply));
    scope.get('/me/role-fit', (request, reply) => show('me', request, reply));
    scope.get('/people/:id/role-fit', (request, reply) => show(Params.parse(request.params).id, request, reply));

    const save = (id: string | 'me', request: FastifyRequest, reply: FastifyReply) =>
      personPage(context, request, reply, id, async (deps, subject) => {
        const body = (request.body ?? {}) as Record<string, unknown>;
        const currentRole = typeof body.currentRole === 'string' ? body.currentRole : '';
        const answers = answersFromForm(body);
        try {
          await saveDutyProfile(deps, request.actor, subject.personId, { currentRole, duties: answers });
        } catch (error) {
          if (isAppError(error) && error.code === 'validation')
            return render(deps, subject, request, reply, { currentRole, answers, error });
          throw error;
        }
        return reply.redirect(`${subject.base}/role-fit#report`, 303);
      });
    scope.post('/me/role-fit', (request, reply) => save('me', request, reply));
    scope.post('/people/:id/role-fit', (request, reply) => save(Params.parse(request.params).id, request, reply));

    scope.post('/people/:id/role-fit/confirm', (request, reply) =>
      personPage(context, request, reply, Params.parse(request.params).id, async (deps, subject) => {
        const body = ConfirmBody.safeParse(request.body ?? {});
        await confirmDutyProfile(deps, request.actor, subject.personId, body.success ? body.data.dutyProfileId : '');
        return reply.redirect(`${subject.base}/role-fit#report`, 303);
      }),
    );
  });
};
