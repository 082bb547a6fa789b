import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AchievementDetails } from '../../../../contracts/portfolio/achievement.ts';
import { qualificationLevelName } from '../../../../domain/achievements.ts';
import { uploadRules } from '../../../../domain/attachments/upload-picker.ts';
import type { Catalogue } from '../../../../framework/catalogue.ts';
import type { AppContext } from '../../../../usecases/context.ts';
import { removeAchievement, setFlags } from '../../../../usecases/portfolio/achievements.ts';
import { revokeHltaStatus } from '../../../../usecases/portfolio/hlta-status.ts';
import {
  type AchievementsPage,
  achievementsPage,
  addAchievementOnPage,
  awardHltaStatusOnPage,
  newAchievementPage,
  recordExternalHltaStatusOnPage,
} from '../../../../usecases/portfolio/pages/achievements-page.ts';
import { govukDate } from '../../dates.ts';
import {
  dateInput,
  defineForm,
  type FieldError,
  type PageDeps,
  type Posted,
  paramsOf,
  postedText,
  queryOf,
  renderPage,
  signedInPage,
} from '../../kit/index.ts';
import {
  AchievementForm,
  type AchievementFormKind,
  achievementFormErrors,
  achievementFormKinds,
  achievementFormShown,
  achievementInputOf,
  degreeItems,
  gradeGroups,
  kindHeadings,
  levelItems,
  qualificationGroups,
} from './achievement-form.ts';

/** The external HLTA status form's field errors and the values posted, to show again. */
type ExternalForm = { errors: Record<string, string>; values?: Record<string, string> };
/** The headteacher's award form: its refusal and the date parts posted, to show again. */
type AwardForm = { error: string | null; 'awardedOn-day'?: string; 'awardedOn-month'?: string; 'awardedOn-year'?: string };

const PersonParams = z.object({ id: z.string().max(100) });
const AchievementParams = z.object({ id: z.string().max(100), achievementId: z.string().max(100) });
const PageQuery = z.object({
  uploadError: z.string().max(300).optional().catch(undefined),
  uploadFor: z.string().max(100).optional().catch(undefined),
});
const NewQuery = z.object({ kind: z.enum(achievementFormKinds).catch('qualification') });

const base = (personId: string) => `/people/${personId}/portfolio/achievements`;

/** The headteacher's award of HLTA status: the date of the award. */
const AwardForm = defineForm(z.object({ awardedOn: dateInput(z.string().optional(), { name: 'The date of the award' }) }));
/** HLTA status from external assessment: who assessed it, when, and the certificate. */
const optionalText = z.string().trim().max(200, 'Use 200 characters or fewer').optional();
const ExternalHltaForm = defineForm(
  z.object({
    provider: optionalText,
    assessedOn: dateInput(z.string().optional(), { name: 'The date of the assessment' }),
    awardedOn: dateInput(z.string().optional(), { name: 'The date HLTA status was awarded' }),
    certificateNumber: optionalText,
  }),
);
/** The posted fields named, as typed, to fill a form in again. */
const typedOf = (posted: Posted, names: readonly string[]) =>
  Object.fromEntries(names.map((name) => [name, postedText(posted, name).trim()]));
const datePartNames = (name: string) => [`${name}-day`, `${name}-month`, `${name}-year`];

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
export const registerAchievementPages = (app: FastifyInstance, context: AppContext) => {
  const renderForm = (
    request: FastifyRequest,
    reply: FastifyReply,
    deps: PageDeps,
    view: {
      personId: string;
      personName: string;
      kind: AchievementFormKind;
      values: Record<string, string>;
      errors: readonly Pick<FieldError, 'field' | 'href' | 'text'>[];
    },
  ) =>
    renderPage(
      request,
      reply,
      '../portfolio/achievement-new',
      {
        ...view,
        heading: kindHeadings[view.kind],
        action: `${base(view.personId)}/new?kind=${view.kind}`,
        back: base(view.personId),
        qualificationGroups: qualificationGroups(deps.catalogue, view.values.qualificationId ?? ''),
        gradeGroups: gradeGroups(deps.catalogue, view.values.schemeGrade ?? ''),
        levelItems: levelItems(view.kind, view.values.level ?? ''),
        degreeItems: degreeItems(deps.catalogue, view.values.degree ?? ''),
      },
      view.errors.length > 0 ? 400 : 200,
    );

  const renderList = (
    request: FastifyRequest,
    reply: FastifyReply,
    deps: PageDeps,
    page: AchievementsPage,
    forms: { award?: AwardForm; external?: ExternalForm } = {},
  ) => {
    const award = forms.award ?? { error: null };
    const external = forms.external ?? { errors: {} };
    const query = queryOf(PageQuery, request).query;
    const id = page.person.id;
    const rows = page.achievements.map((a) => ({
      id: a.id,
      kind: a.details.kind,
      ...describeAchievement(a.details, deps.catalogue),
      attachments: page.files.get(a.id) ?? [],
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
    const standing = page.hlta;
    return renderPage(
      request,
      reply,
      '../portfolio/achievements',
      {
        personId: id,
        personName: page.person.name,
        returnTo: base(id),
        sections: {
          qualifications: rows.filter((r) => r.kind === 'qualification' || r.kind === 'unit'),
          subjects: rows.filter((r) => r.kind === 'subject'),
          degrees: rows.filter((r) => r.kind === 'degree'),
        },
        credits: page.credits,
        flags: page.flags,
        hlta: {
          title: standing.status.title,
          award: standing.award ? describeAchievement(standing.award.details, deps.catalogue) : null,
          met: standing.met.length,
          required: standing.required.length,
          notMet: standing.notMet.map((code) => ({ code, title: deps.catalogue.title(code) })),
          external: standing.external
            ? [
                {
                  id: standing.external.id,
                  kind: 'status',
                  ...describeAchievement(standing.external.details, deps.catalogue),
                  attachments: page.files.get(standing.external.id) ?? [],
                },
              ]
            : [],
        },
        external,
        award,
        errors,
        canEdit: page.can.edit,
        canAward: page.can.award,
        upload: uploadRules(context.config.attachmentMaxBytes),
        uploadError,
      },
      award.error || Object.keys(external.errors).length > 0 ? 400 : 200,
    );
  };

  app.get(
    '/people/:id/portfolio/achievements',
    signedInPage(async ({ request, reply, actor, deps }) =>
      renderList(request, reply, deps, await achievementsPage(deps, actor, paramsOf(PersonParams, request).id)),
    ),
  );

  app.get(
    '/people/:id/portfolio/achievements/new',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id } = paramsOf(PersonParams, request);
      const { kind } = queryOf(NewQuery, request).query;
      const page = await newAchievementPage(deps, actor, id);
      return renderForm(request, reply, deps, {
        personId: page.person.id,
        personName: page.person.name,
        kind,
        values: achievementFormShown({ source: 'catalogue' }),
        errors: [],
      });
    }),
  );

  app.post(
    '/people/:id/portfolio/achievements/new',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id } = paramsOf(PersonParams, request);
      const { kind } = queryOf(NewQuery, request).query;
      const form = AchievementForm.parse(request.body);
      const values = achievementFormShown(form.posted);
      if (!form.ok) {
        const page = await newAchievementPage(deps, actor, id);
        return renderForm(request, reply, deps, {
          personId: page.person.id,
          personName: page.person.name,
          kind,
          values,
          errors: form.errors.errorList,
        });
      }
      const outcome = await addAchievementOnPage(deps, actor, id, achievementInputOf(kind, form.values));
      if (!outcome.saved)
        return renderForm(request, reply, deps, {
          personId: outcome.page.person.id,
          personName: outcome.page.person.name,
          kind,
          values,
          errors: achievementFormErrors(kind, outcome.refusal.details),
        });
      return reply.redirectWithFlash(base(id), savedBanners[kind]);
    }),
  );

  app.post(
    '/people/:id/portfolio/achievements/:achievementId/remove',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id, achievementId } = paramsOf(AchievementParams, request);
      await removeAchievement(deps, actor, id, achievementId);
      return reply.redirectWithFlash(base(id), 'Achievement removed');
    }),
  );

  app.post(
    '/people/:id/portfolio/achievements/flags',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id } = paramsOf(PersonParams, request);
      await setFlags(deps, actor, id, achievementFlagsOf(request.body));
      return reply.redirectWithFlash(`${base(id)}#flags`, 'Details saved');
    }),
  );

  app.post(
    '/people/:id/portfolio/achievements/hlta-status',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id } = paramsOf(PersonParams, request);
      const form = AwardForm.parse(request.body);
      const typed = typedOf(form.posted, datePartNames('awardedOn'));
      if (!form.ok)
        return renderList(request, reply, deps, await achievementsPage(deps, actor, id), {
          award: { error: form.errors.fieldErrors.awardedOn ?? null, ...typed },
        });
      const outcome = await awardHltaStatusOnPage(deps, actor, id, { awardedOn: form.values.awardedOn ?? '' });
      if (!outcome.saved) {
        const { refusal } = outcome;
        const reason = refusal.code === 'validation' ? refusal.details[0]?.reason : undefined;
        return renderList(request, reply, deps, outcome.page, {
          award: { error: reason ? `${refusal.message}: ${reason}` : refusal.message, ...typed },
        });
      }
      return reply.redirectWithFlash(`${base(id)}#hlta`, 'HLTA status awarded');
    }),
  );

  app.post(
    '/people/:id/portfolio/achievements/hlta-status/external',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id } = paramsOf(PersonParams, request);
      const form = ExternalHltaForm.parse(request.body);
      const typed = typedOf(form.posted, ['provider', 'certificateNumber', ...datePartNames('assessedOn'), ...datePartNames('awardedOn')]);
      if (!form.ok)
        return renderList(request, reply, deps, await achievementsPage(deps, actor, id), {
          external: { errors: form.errors.fieldErrors, values: typed },
        });
      const { provider, assessedOn, awardedOn, certificateNumber } = form.values;
      const outcome = await recordExternalHltaStatusOnPage(deps, actor, id, {
        provider: provider ?? '',
        assessedOn: assessedOn ?? '',
        awardedOn: awardedOn ?? '',
        ...(certificateNumber ? { certificateNumber } : {}),
      });
      if (!outcome.saved) {
        const { refusal } = outcome;
        const errors: Record<string, string> =
          refusal.code === 'validation' && refusal.details.length > 0
            ? Object.fromEntries(
                refusal.details.map((e) => [
                  e.where.replace(/^\$\.?/, '').split(/[.[]/)[0] || 'provider',
                  `${refusal.message}: ${e.reason}`,
                ]),
              )
            : { provider: refusal.message };
        return renderList(request, reply, deps, outcome.page, { external: { errors, values: typed } });
      }
      return reply.redirectWithFlash(`${base(id)}#hlta-external`, 'HLTA status from external assessment recorded');
    }),
  );

  app.post(
    '/people/:id/portfolio/achievements/hlta-status/revoke',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id } = paramsOf(PersonParams, request);
      await revokeHltaStatus(deps, actor, id);
      return reply.redirectWithFlash(`${base(id)}#hlta`, 'HLTA status revoked');
    }),
  );
};

const savedBanners: Record<AchievementFormKind, string> = {
  qualification: 'Qualification recorded',
  unit: 'Unit recorded',
  subject: 'Grade recorded',
  degree: 'Degree or higher education credits recorded',
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
