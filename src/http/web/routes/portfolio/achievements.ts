import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AchievementDetails } from '../../../../contracts/portfolio/achievement.ts';
import { qualificationLevelName } from '../../../../domain/achievements.ts';
import type { Actor } from '../../../../domain/policy/actor.ts';
import type { Catalogue } from '../../../../framework/catalogue.ts';
import type { AppContext } from '../../../../usecases/context.ts';
import {
  addAchievement,
  listAchievements,
  loadForChange,
  removeAchievement,
  setFlags,
} from '../../../../usecases/portfolio/achievements.ts';
import { attachmentsOf } from '../../../../usecases/portfolio/attachments.ts';
import { portfolioDeps } from '../../../../usecases/portfolio/deps.ts';
import {
  awardHltaStatus,
  readHltaStanding,
  recordExternalHltaStatus,
  revokeHltaStatus,
} from '../../../../usecases/portfolio/hlta-status.ts';
import { govukDate } from '../../dates.ts';

/** The external HLTA status form's field errors and the values posted, to show again. */
type ExternalForm = { errors: Record<string, string>; values?: Record<string, string> };

import { renderPage } from '../../views.ts';
import { signedInPage } from '../people-page.ts';
import {
  type AchievementFormKind,
  type AchievementFormValues,
  achievementFormErrors,
  achievementFormKinds,
  achievementFormValues,
  achievementInputOf,
  degreeItems,
  gradeGroups,
  kindHeadings,
  levelItems,
  qualificationGroups,
} from './achievement-form.ts';
import { isInvalidInput, isShownOnForm, registerFormPages } from './form-pages.ts';

const PersonParams = z.object({ id: z.string().max(100) });
const AchievementParams = z.object({ id: z.string().max(100), achievementId: z.string().max(100) });
const PageQuery = z.object({
  uploadError: z.string().max(300).optional().catch(undefined),
  uploadFor: z.string().max(100).optional().catch(undefined),
});
const NewQuery = z.object({ kind: z.enum(achievementFormKinds).catch('qualification') });

const base = (personId: string) => `/people/${personId}/portfolio/achievements`;

/** One line describing an achievement, in the page's words. */
const describeAchievement = (d: AchievementDetails, catalogue: Catalogue): { title: string; meta: string[] } => {
  switch (d.kind) {
    case 'qualification': {
      const q = d.qualificationId ? catalogue.qualification(d.qualificationId) : undefined;
      return {
        title: q?.title ?? d.title ?? d.qualificationId ?? 'Qualification',
        meta: [
          qualificationLevelName(q?.level ?? d.level ?? 1),
          ...(q ? ['from the framework'] : []),
          ...(d.awardingOrganisation ? [d.awardingOrganisation] : []),
          ...(d.credits ? [`${d.credits} credits`] : q?.credits ? [`${q.credits} credits`] : []),
          `achieved ${govukDate(d.achievedOn)}`,
        ],
      };
    }
    case 'unit':
      return {
        title: d.title,
        meta: [
          ...(d.code ? [d.code] : []),
          `Level ${d.level}`,
          `${d.credits} credits`,
          ...(d.awardingOrganisation ? [d.awardingOrganisation] : []),
          `achieved ${govukDate(d.achievedOn)}`,
        ],
      };
    case 'subject': {
      const scheme = catalogue.gradeScheme(d.scheme);
      const level = scheme?.grades.find((g) => g.grade === d.grade)?.level;
      return {
        title: `${d.subject[0]?.toUpperCase()}${d.subject.slice(1)}: ${scheme?.title ?? d.scheme} ${d.grade}`,
        meta: [
          level
            ? `counts as ${level === 'PE' ? 'pre-entry' : level.startsWith('E') ? `Entry Level ${level.slice(1)}` : `Level ${level.slice(1)}`}`
            : 'below Entry Level',
          ...(d.achievedOn ? [`achieved ${govukDate(d.achievedOn)}`] : []),
        ],
      };
    }
    case 'degree':
      return {
        title: d.title ?? d.degree.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()),
        meta: [
          `Level ${d.level}`,
          `${d.credits} credits`,
          ...(d.subject ? [d.subject] : []),
          ...(d.institution ? [d.institution] : []),
          `achieved ${govukDate(d.achievedOn)}`,
        ],
      };
    case 'status':
      return {
        title: catalogue.status(d.status)?.title ?? d.status,
        meta: [
          ...(d.statusKind === 'external-assessment' ? ['external assessment'] : ['recognised by the school']),
          ...(d.provider ? [d.provider] : []),
          ...(d.assessedOn ? [`assessed ${govukDate(d.assessedOn)}`] : []),
          `awarded ${govukDate(d.awardedOn)}`,
          ...(d.certificateNumber ? [`certificate ${d.certificateNumber}`] : []),
        ],
      };
  }
};

/** The achievements page, the add forms, removal, flags and the headteacher's HLTA award. */
export const registerAchievementPages = (parent: FastifyInstance, context: AppContext) =>
  registerFormPages(parent, context, registerRoutes);

const registerRoutes = (app: FastifyInstance, context: AppContext) => {
  const deps = (request: FastifyRequest) => portfolioDeps(context, request.id);

  const renderForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    view: {
      personId: string;
      personName: string;
      kind: AchievementFormKind;
      values: AchievementFormValues;
      errors: ReturnType<typeof achievementFormErrors>;
    },
    status = 200,
  ) => {
    const catalogue = deps(request).catalogue;
    return renderPage(
      request,
      reply,
      '../portfolio/achievement-new',
      {
        ...view,
        heading: kindHeadings[view.kind],
        action: `${base(view.personId)}/new?kind=${view.kind}`,
        back: base(view.personId),
        qualificationGroups: qualificationGroups(catalogue, view.values.qualificationId),
        gradeGroups: gradeGroups(catalogue, view.values.schemeGrade),
        levelItems: levelItems(view.kind, view.values.level),
        degreeItems: degreeItems(catalogue, view.values.degree),
      },
      status,
    );
  };

  const renderList = async (
    request: FastifyRequest,
    reply: FastifyReply,
    actor: Actor,
    id: string,
    award: { error: string | null; 'awardedOn-day'?: string; 'awardedOn-month'?: string; 'awardedOn-year'?: string } = { error: null },
    status = 200,
    external: ExternalForm = { errors: {} },
  ) => {
    const query = PageQuery.parse(request.query ?? {});
    const d = deps(request);
    const list = await listAchievements(d, actor, id);
    const standing = await readHltaStanding(d, actor, id);
    const files = await attachmentsOf(
      d.db,
      list.person.trustId,
      'achievement',
      list.achievements.map((a) => a.id),
    );
    const rows = list.achievements.map((a) => ({
      id: a.id,
      kind: a.details.kind,
      ...describeAchievement(a.details, d.catalogue),
      attachments: files.get(a.id) ?? [],
    }));
    const uploadError = query.uploadError && query.uploadFor ? { ownerId: query.uploadFor, text: query.uploadError } : null;
    const errors = [
      ...(uploadError ? [{ text: uploadError.text, href: `#attachment-file-${uploadError.ownerId}` }] : []),
      ...(award.error ? [{ text: award.error, href: '#awardedOn-day' }] : []),
      ...Object.entries(external.errors).map(([field, text]) => ({
        text,
        href: `#external-${field}${field.endsWith('On') ? '-day' : ''}`,
      })),
    ];
    return renderPage(
      request,
      reply,
      '../portfolio/achievements',
      {
        personId: id,
        personName: list.person.name,
        returnTo: base(id),
        sections: {
          qualifications: rows.filter((r) => r.kind === 'qualification' || r.kind === 'unit'),
          subjects: rows.filter((r) => r.kind === 'subject'),
          degrees: rows.filter((r) => r.kind === 'degree'),
        },
        credits: list.credits,
        flags: list.flags,
        hlta: {
          title: standing.status.title,
          award: standing.award ? describeAchievement(standing.award.details, d.catalogue) : null,
          met: standing.met.length,
          required: standing.required.length,
          notMet: standing.notMet.map((code) => ({ code, title: d.catalogue.title(code) })),
          external: standing.external
            ? [
                {
                  id: standing.external.id,
                  kind: 'status',
                  ...describeAchievement(standing.external.details, d.catalogue),
                  attachments:
                    (await attachmentsOf(d.db, list.person.trustId, 'achievement', [standing.external.id])).get(standing.external.id) ?? [],
                },
              ]
            : [],
        },
        external,
        award,
        errors,
        canEdit: list.can.edit,
        canAward: list.can.award,
        maxBytes: d.config.attachmentMaxBytes,
        uploadError,
      },
      status,
    );
  };

  app.get(
    '/people/:id/portfolio/achievements',
    signedInPage(async (request, reply, actor) => renderList(request, reply, actor, PersonParams.parse(request.params).id)),
  );

  app.get(
    '/people/:id/portfolio/achievements/new',
    signedInPage(async (request, reply, actor) => {
      const { id } = PersonParams.parse(request.params);
      const { kind } = NewQuery.parse(request.query ?? {});
      const subject = await loadForChange(deps(request), actor, id);
      return renderForm(request, reply, {
        personId: id,
        personName: subject.name,
        kind,
        values: achievementFormValues({ source: 'catalogue' }),
        errors: [],
      });
    }),
  );

  app.post(
    '/people/:id/portfolio/achievements/new',
    signedInPage(async (request, reply, actor) => {
      const { id } = PersonParams.parse(request.params);
      const { kind } = NewQuery.parse(request.query ?? {});
      const d = deps(request);
      const subject = await loadForChange(d, actor, id);
      const values = achievementFormValues(request.body);
      try {
        await addAchievement(d, actor, id, achievementInputOf(kind, values));
      } catch (error) {
        if (!isInvalidInput(error)) throw error;
        return renderForm(
          request,
          reply,
          { personId: id, personName: subject.name, kind, values, errors: achievementFormErrors(kind, error.details) },
          400,
        );
      }
      return reply.redirect(base(id), 303);
    }),
  );

  app.post(
    '/people/:id/portfolio/achievements/:achievementId/remove',
    signedInPage(async (request, reply, actor) => {
      const { id, achievementId } = AchievementParams.parse(request.params);
      await removeAchievement(deps(request), actor, id, achievementId);
      return reply.redirect(base(id), 303);
    }),
  );

  app.post(
    '/people/:id/portfolio/achievements/flags',
    signedInPage(async (request, reply, actor) => {
      const { id } = PersonParams.parse(request.params);
      const ticked = achievementFlagsOf(request.body);
      await setFlags(deps(request), actor, id, ticked);
      return reply.redirect(`${base(id)}#flags`, 303);
    }),
  );

  app.post(
    '/people/:id/portfolio/achievements/hlta-status',
    signedInPage(async (request, reply, actor) => {
      const { id } = PersonParams.parse(request.params);
      const part = z.string().trim().max(4).catch('');
      const form = z.object({ 'awardedOn-day': part, 'awardedOn-month': part, 'awardedOn-year': part }).parse(request.body ?? {});
      const awardedOn = `${form['awardedOn-year'].padStart(4, '0')}-${form['awardedOn-month'].padStart(2, '0')}-${form['awardedOn-day'].padStart(2, '0')}`;
      try {
        await awardHltaStatus(deps(request), actor, id, { awardedOn });
      } catch (error) {
        if (!isShownOnForm(error)) throw error;
        const reason = error.code === 'validation' ? error.details[0]?.reason : undefined;
        return renderList(request, reply, actor, id, { error: reason ? `${error.message}: ${reason}` : error.message, ...form }, 400);
      }
      return reply.redirect(`${base(id)}#hlta`, 303);
    }),
  );

  app.post(
    '/people/:id/portfolio/achievements/hlta-status/external',
    signedInPage(async (request, reply, actor) => {
      const { id } = PersonParams.parse(request.params);
      const part = z.string().trim().max(200).catch('');
      const form = z
        .object({
          provider: part,
          certificateNumber: part,
          'assessedOn-day': part,
          'assessedOn-month': part,
          'assessedOn-year': part,
          'awardedOn-day': part,
          'awardedOn-month': part,
          'awardedOn-year': part,
        })
        .parse(request.body ?? {});
      const dateOf = (prefix: 'assessedOn' | 'awardedOn') =>
        `${form[`${prefix}-year`].padStart(4, '0')}-${form[`${prefix}-month`].padStart(2, '0')}-${form[`${prefix}-day`].padStart(2, '0')}`;
      try {
        await recordExternalHltaStatus(deps(request), actor, id, {
          provider: form.provider,
          assessedOn: dateOf('assessedOn'),
          awardedOn: dateOf('awardedOn'),
          ...(form.certificateNumber ? { certificateNumber: form.certificateNumber } : {}),
        });
      } catch (error) {
        if (!isShownOnForm(error)) throw error;
        const errors: Record<string, string> =
          error.code === 'validation' && error.details.length > 0
            ? Object.fromEntries(
                error.details.map((e) => [e.where.replace(/^\$\.?/, '').split(/[.[]/)[0] || 'provider', `${error.message}: ${e.reason}`]),
              )
            : { provider: error.message };
        return renderList(request, reply, actor, id, { error: null }, 400, { errors, values: form });
      }
      return reply.redirect(`${base(id)}#hlta-external`, 303);
    }),
  );

  app.post(
    '/people/:id/portfolio/achievements/hlta-status/revoke',
    signedInPage(async (request, reply, actor) => {
      const { id } = PersonParams.parse(request.params);
      await revokeHltaStatus(deps(request), actor, id);
      return reply.redirect(`${base(id)}#hlta`, 303);
    }),
  );
};

/** The flags form's checkboxes: a ticked box posts its value, an unticked one nothing. */
const achievementFlagsOf = (body: unknown) => {
  const form = z
    .object({
      flags: z
        .union([z.string(), z.array(z.string())])
        .optional()
        .catch(undefined),
    })
    .parse(body ?? {});
  const ticked = new Set(typeof form.flags === 'string' ? [form.flags] : (form.flags ?? []));
  return { ehcpOrStatement: ticked.has('ehcpOrStatement'), bsl: ticked.has('bsl') };
};
