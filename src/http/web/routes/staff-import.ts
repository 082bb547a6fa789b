import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, isAppError } from '../../../contracts/errors.ts';
import type { Actor } from '../../../domain/policy/actor.ts';
import { fieldLabel, valueText } from '../../../domain/staff-import/change-text.ts';
import { type ColumnMapping, staffFieldNames, staffFields } from '../../../domain/staff-import/fields.ts';
import type { AppContext } from '../../../usecases/context.ts';
import { startStaffImportApply } from '../../../usecases/staff-import/background.ts';
import {
  previewStaffImport,
  type StaffImportPreview,
  schoolToImportInto,
  staffImportDeps,
} from '../../../usecases/staff-import/preview.ts';
import { rememberRoleValues } from '../../../usecases/staff-import/role-values.ts';
import { uploadStore } from '../../../usecases/staff-import/uploads.ts';
import { requireUser } from '../../auth/guards.ts';
import { httpStatusOf } from '../../errors.ts';
import { renderPage } from '../views.ts';

const Params = z.object({ id: z.string().min(1).max(100) });
const UploadParams = Params.extend({ upload: z.string().min(1).max(100) });
const NO_GRADED_ROLE = '__none__';

const view = (name: string) => `../staff-import/${name}`;

type Handler = (actor: Actor, request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

/** Signed-in pages only; a refusal or a missing school/upload becomes a GOV.UK error page, not JSON. */
const page =
  (handler: Handler) =>
  async (request: FastifyRequest, reply: FastifyReply): Promise<unknown> => {
    const actor = requireUser(request, reply);
    if (!actor) return reply;
    try {
      return await handler(actor, request, reply);
    } catch (error) {
      if (error instanceof z.ZodError) return renderPage(request, reply, 'not-found', {}, 404);
      if (!isAppError(error) || error.code === 'internal') throw error;
      return renderPage(
        request,
        reply,
        view('problem'),
        { error: { message: error.message, details: error.details } },
        httpStatusOf[error.code],
      );
    }
  };

/** The column mapping posted by the columns page: a column index per field, or "" for none. */
const mappingFrom = (body: Record<string, unknown>, columns: number): ColumnMapping =>
  Object.fromEntries(
    staffFieldNames.map((field) => {
      const value = Number.parseInt(String(body[field] ?? ''), 10);
      return [field, Number.isInteger(value) && value >= 0 && value < columns ? value : null];
    }),
  ) as ColumnMapping;

/**
 * The staff-import wizard for school and trust admins: upload → columns → role values → preview → apply
 * (in the background, with a status page that refreshes itself) → result. The file stays on the server
 * between steps (see usecases/staff-import/uploads.ts); every step re-checks the permission.
 */
export const registerStaffImportRoutes = async (app: FastifyInstance, context: AppContext) => {
  const uploads = uploadStore(context.config.dataDir, context.clock);
  const deps = (request: FastifyRequest) => staffImportDeps(context, request.id);
  const base = (schoolId: string, upload?: string) => `/schools/${encodeURIComponent(schoolId)}/import${upload ? `/${upload}` : ''}`;

  const previewOf = async (actor: Actor, request: FastifyRequest, params: z.infer<typeof UploadParams>): Promise<StaffImportPreview> => {
    // The school's permission first, so that a refused user learns nothing about uploads.
    const school = await schoolToImportInto(deps(request), actor, params.id);
    const { meta, bytes } = await uploads.load(params.upload, actor.userId);
    if (meta.schoolId !== school.id) throw new AppError('not_found', 'This upload belongs to another school');
    return previewStaffImport(deps(request), actor, {
      schoolId: meta.schoolId,
      fileName: meta.fileName,
      bytes,
      mapping: meta.mapping,
      roleValues: meta.roleValues,
      markMissingAsLeft: false,
    });
  };

  await app.register(async (scope) => {
    await scope.register(formbody);
    await scope.register(multipart, { limits: { files: 1, fileSize: context.config.importMaxBytes + 1, fields: 10 } });

    const renderUpload = async (actor: Actor, request: FastifyRequest, reply: FastifyReply, error?: string, status = 200) => {
      const { id } = Params.parse(request.params);
      const school = await schoolToImportInto(deps(request), actor, id);
      const maxMb = Math.round(context.config.importMaxBytes / (1024 * 1024));
      return renderPage(request, reply, view('upload'), { school, action: base(school.id), error, maxMb }, status);
    };

    scope.get(
      '/schools/:id/import',
      page((actor, request, reply) => renderUpload(actor, request, reply)),
    );

    scope.post(
      '/schools/:id/import',
      page(async (actor, request, reply) => {
        const { id } = Params.parse(request.params);
        const school = await schoolToImportInto(deps(request), actor, id);
        if (!request.isMultipart()) return renderUpload(actor, request, reply, 'Select a CSV or Excel file', 400);
        const file = await request.file();
        if (!file?.filename) return renderUpload(actor, request, reply, 'Select a CSV or Excel file', 400);
        const bytes = new Uint8Array(await file.toBuffer().catch(() => Buffer.alloc(context.config.importMaxBytes + 1)));
        if (file.file.truncated || bytes.byteLength > context.config.importMaxBytes) {
          const maxMb = Math.round(context.config.importMaxBytes / (1024 * 1024));
          return renderUpload(actor, request, reply, `The selected file must be smaller than ${maxMb} MB`, 400);
        }
        if (bytes.byteLength === 0) return renderUpload(actor, request, reply, 'The selected file is empty', 400);
        if (!/\.(csv|xlsx)$/i.test(file.filename))
          return renderUpload(actor, request, reply, 'The selected file must be a CSV or an Excel (.xlsx) file', 400);
        const saved = await uploads.save({ userId: actor.userId, schoolId: school.id, fileName: file.filename, bytes });
        try {
          await previewOf(actor, request, { id: school.id, upload: saved.id });
        } catch (error) {
          if (isAppError(error) && error.code === 'import_invalid') {
            const reason = error.details.map((d) => d.reason).join('; ');
            return renderUpload(actor, request, reply, `${error.message}${reason ? `: ${reason}` : ''}`, 400);
          }
          throw error;
        }
        return reply.redirect(`${base(school.id, saved.id)}/columns`, 303);
      }),
    );

    const renderColumns = async (
      actor: Actor,
      request: FastifyRequest,
      reply: FastifyReply,
      errors: { field: string; text: string }[] = [],
    ) => {
      const params = UploadParams.parse(request.params);
      const preview = await previewOf(actor, request, params);
      const columnItems = (field: keyof ColumnMapping) => [
        { value: '', text: 'Not in this file', selected: preview.mapping[field] === null },
        ...preview.headers.map((header, index) => ({
          value: String(index),
          text: header || `Column ${index + 1}`,
          selected: preview.mapping[field] === index,
        })),
      ];
      const fields = staffFieldNames.map((field) => ({
        name: field,
        label: staffFields[field].label + (staffFields[field].required ? '' : ' (optional)'),
        items: columnItems(field),
        error: errors.find((e) => e.field === field)?.text,
      }));
      return renderPage(
        request,
        reply,
        view('columns'),
        {
          school: preview.school,
          fileName: (await uploads.meta(params.upload, actor.userId)).fileName,
          fields,
          errors,
          action: `${base(params.id, params.upload)}/columns`,
        },
        errors.length > 0 ? 400 : 200,
      );
    };

    scope.get('/schools/:id/import/:upload/columns', page(renderColumns));

    scope.post(
      '/schools/:id/import/:upload/columns',
      page(async (actor, request, reply) => {
        const params = UploadParams.parse(request.params);
        const preview = await previewOf(actor, request, params);
        const mapping = mappingFrom((request.body ?? {}) as Record<string, unknown>, preview.headers.length);
        const missing = staffFieldNames.filter((f) => staffFields[f].required && mapping[f] === null);
        if (missing.length > 0) {
          await uploads.update(params.upload, actor.userId, { mapping });
          return renderColumns(
            actor,
            request,
            reply,
            missing.map((f) => ({ field: f, text: `Select the column that holds the ${staffFields[f].label.toLowerCase()}` })),
          );
        }
        await uploads.update(params.upload, actor.userId, { mapping });
        const next = mapping.role === null ? 'preview' : 'roles';
        return reply.redirect(`${base(params.id, params.upload)}/${next}`, 303);
      }),
    );

    const roleItems = (selected: string | null | undefined) => [
      { value: '', text: 'Choose a role', selected: selected === undefined },
      { value: NO_GRADED_ROLE, text: 'No graded role', selected: selected === null },
      ...context.catalogue
        .current()
        .roles()
        .map(({ role }) => ({ value: role.id, text: `${role.id} – ${role.title}`, selected: selected === role.id })),
    ];

    const renderRoles = async (
      actor: Actor,
      request: FastifyRequest,
      reply: FastifyReply,
      errors: { index: number; text: string }[] = [],
    ) => {
      const params = UploadParams.parse(request.params);
      const preview = await previewOf(actor, request, params);
      const values = preview.roleValues.map((choice, index) => ({
        index,
        value: choice.value,
        remembered: choice.remembered,
        items: roleItems(choice.gradedRole),
        error: errors.find((e) => e.index === index)?.text,
      }));
      return renderPage(
        request,
        reply,
        view('roles'),
        {
          school: preview.school,
          values,
          errors,
          action: `${base(params.id, params.upload)}/roles`,
          back: `${base(params.id, params.upload)}/columns`,
        },
        errors.length > 0 ? 400 : 200,
      );
    };

    scope.get('/schools/:id/import/:upload/roles', page(renderRoles));

    scope.post(
      '/schools/:id/import/:upload/roles',
      page(async (actor, request, reply) => {
        const params = UploadParams.parse(request.params);
        const preview = await previewOf(actor, request, params);
        const body = (request.body ?? {}) as Record<string, unknown>;
        const roles = new Set(
          context.catalogue
            .current()
            .roles()
            .map(({ role }) => role.id),
        );
        const chosen: Record<string, string | null> = {};
        const errors: { index: number; text: string }[] = [];
        for (const [index, choice] of preview.roleValues.entries()) {
          const value = String(body[`role-${index}`] ?? '');
          if (value === NO_GRADED_ROLE) chosen[choice.value] = null;
          else if (roles.has(value)) chosen[choice.value] = value;
          else errors.push({ index, text: `Choose the framework role for "${choice.value}", or "No graded role"` });
        }
        const meta = await uploads.meta(params.upload, actor.userId);
        await uploads.update(params.upload, actor.userId, { roleValues: { ...meta.roleValues, ...chosen } });
        // Remembered for the school at once, as the CLI's --map is: the next upload starts from these choices.
        await rememberRoleValues(deps(request), actor, params.id, chosen);
        if (errors.length > 0) return renderRoles(actor, request, reply, errors);
        return reply.redirect(`${base(params.id, params.upload)}/preview`, 303);
      }),
    );

    scope.get(
      '/schools/:id/import/:upload/preview',
      page(async (actor, request, reply) => {
        const params = UploadParams.parse(request.params);
        const preview = await previewOf(actor, request, params);
        const here = base(params.id, params.upload);
        return renderPage(request, reply, view('preview'), {
          school: preview.school,
          preview,
          changeRows: preview.summary.updates.flatMap((u) =>
            u.changes.map((c) => [
              { text: u.name },
              { text: fieldLabel(c.field) },
              { text: valueText(c.before) },
              { text: valueText(c.after) },
            ]),
          ),
          fileName: (await uploads.meta(params.upload, actor.userId)).fileName,
          action: `${here}/apply`,
          columnsHref: `${here}/columns`,
          rolesHref: preview.mapping.role === null ? null : `${here}/roles`,
          uploadHref: base(params.id),
        });
      }),
    );

    scope.post(
      '/schools/:id/import/:upload/apply',
      page(async (actor, request, reply) => {
        const params = UploadParams.parse(request.params);
        const school = await schoolToImportInto(deps(request), actor, params.id);
        const meta = await uploads.meta(params.upload, actor.userId);
        if (meta.schoolId !== school.id) throw new AppError('not_found', 'This upload belongs to another school');
        const markMissingAsLeft = ((request.body ?? {}) as Record<string, unknown>).markMissingAsLeft === 'yes';
        const { finished } = await startStaffImportApply(deps(request), actor, uploads, params.upload, markMissingAsLeft);
        finished.then(
          (status) => {
            if (status.state === 'failed' && status.details.length === 0) request.log.error({ status }, 'staff import failed');
          },
          (error: unknown) => request.log.error({ err: error }, 'staff import failed'),
        );
        return reply.redirect(`${base(params.id, params.upload)}/status`, 303);
      }),
    );

    scope.get(
      '/schools/:id/import/:upload/status',
      page(async (actor, request, reply) => {
        const params = UploadParams.parse(request.params);
        const school = await schoolToImportInto(deps(request), actor, params.id);
        const meta = await uploads.meta(params.upload, actor.userId);
        if (meta.schoolId !== school.id) throw new AppError('not_found', 'This upload belongs to another school');
        const status = meta.status ?? { state: 'running', done: 0, total: 0 };
        return renderPage(request, reply, view('status'), {
          school,
          status,
          fileName: meta.fileName,
          refresh: status.state === 'running',
          percent: status.state === 'running' && status.total > 0 ? Math.floor((status.done / status.total) * 100) : 0,
          previewHref: `${base(params.id, params.upload)}/preview`,
          uploadHref: base(params.id),
          directoryHref: app.hasRoute({ method: 'GET', url: '/people' }) ? '/people' : null,
          exportHref: `/schools/${encodeURIComponent(school.id)}/staff.csv`,
        });
      }),
    );
  });
};
