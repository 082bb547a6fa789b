import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { fieldLabel, valueText } from '../../../domain/staff-import/change-text.ts';
import { type ColumnMapping, type StaffField, staffFieldNames, staffFields } from '../../../domain/staff-import/fields.ts';
import {
  applyImport,
  importColumnsPage,
  importPreviewPage,
  importRolesPage,
  importStatusPage,
  importUploadPage,
  NO_GRADED_ROLE,
  saveImportColumns,
  saveImportRoles,
  type UploadedFile,
  type UploadRef,
  uploadStaffFile,
} from '../../../usecases/staff-import/wizard.ts';
import {
  type FormErrors,
  fieldErrorsOfAppError,
  formErrorsOf,
  isFormRefusal,
  noErrors,
  paramsOf,
  postedOf,
  renderForm,
  renderPage,
  type SignedIn,
  signedInPage,
} from '../kit/index.ts';

const Params = z.object({ id: z.string().min(1).max(100) });
const UploadParams = Params.extend({ upload: z.string().min(1).max(100) });

const view = (name: string) => `../staff-import/${name}`;
const base = (schoolId: string, upload?: string) => `/schools/${encodeURIComponent(schoolId)}/import${upload ? `/${upload}` : ''}`;
const refOf = (request: FastifyRequest): UploadRef => {
  const { id, upload } = paramsOf(UploadParams, request);
  return { schoolId: id, uploadId: upload };
};

/** The posted column of each field ("" for none). */
const columnsPosted = (body: Record<string, unknown>): Partial<Record<StaffField, number | null>> =>
  Object.fromEntries(
    staffFieldNames.map((field) => {
      const value = Number.parseInt(String(body[field] ?? ''), 10);
      return [field, Number.isInteger(value) ? value : null];
    }),
  );

/** The role chosen for each role word, by its place on the page (`role-0`, `role-1`, …). */
const roleChoicesPosted = (body: Record<string, unknown>): string[] =>
  Object.keys(body)
    .filter((key) => /^role-\d{1,4}$/.test(key))
    .reduce<string[]>((list, key) => {
      list[Number(key.slice('role-'.length))] = String(body[key] ?? '');
      return list;
    }, []);

/** The uploaded file as the wizard reads it: its name, its bytes, and whether it was cut short at the size limit. */
const fileOf = async (request: FastifyRequest, maxBytes: number): Promise<UploadedFile | undefined> => {
  if (!request.isMultipart()) return undefined;
  const file = await request.file();
  if (!file?.filename) return undefined;
  const bytes = new Uint8Array(await file.toBuffer().catch(() => Buffer.alloc(maxBytes + 1)));
  return { fileName: file.filename, bytes, truncated: file.file.truncated };
};

/**
 * The staff-import wizard for school and trust admins: upload → columns → role values → preview → apply
 * (in the background, with a status page that refreshes itself) → result. Each page is one use-case
 * (usecases/staff-import/wizard.ts), which re-checks the permission.
 */
export const registerStaffImportRoutes = async (app: FastifyInstance, importMaxBytes: number) => {
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { files: 1, fileSize: importMaxBytes + 1, fields: 10 } });

    const renderUpload = async (page: SignedIn, errors?: FormErrors) => {
      const { school, maxMb } = await importUploadPage(page.deps, page.actor, paramsOf(Params, page.request).id);
      return renderForm(page, view('upload'), { school, action: base(school.id), maxMb }, errors);
    };

    scope.get('/schools/:id/import', signedInPage(renderUpload));

    scope.post(
      '/schools/:id/import',
      signedInPage(async (page) => {
        const { request, reply, actor, deps } = page;
        try {
          const saved = await uploadStaffFile(deps, actor, paramsOf(Params, request).id, await fileOf(request, deps.importMaxBytes));
          return reply.redirect(`${base(saved.schoolId, saved.uploadId)}/columns`, 303);
        } catch (error) {
          if (!isFormRefusal(error)) throw error;
          return renderUpload(page, fieldErrorsOfAppError(error, { fallback: 'file', withMessage: true }));
        }
      }),
    );

    const renderColumns = async (page: SignedIn, errors: FormErrors = noErrors()) => {
      const ref = refOf(page.request);
      const { preview, fileName } = await importColumnsPage(page.deps, page.actor, ref);
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
        error: errors.fieldErrors[field],
      }));
      const action = `${base(ref.schoolId, ref.uploadId)}/columns`;
      return renderForm(page, view('columns'), { school: preview.school, fileName, fields, action }, errors);
    };

    scope.get('/schools/:id/import/:upload/columns', signedInPage(renderColumns));

    scope.post(
      '/schools/:id/import/:upload/columns',
      signedInPage(async (page) => {
        const ref = refOf(page.request);
        const saved = await saveImportColumns(page.deps, page.actor, ref, columnsPosted(postedOf(page.request.body)));
        if (saved.missing.length > 0) return renderColumns(page, formErrorsOf(saved.missing));
        return page.reply.redirect(`${base(ref.schoolId, ref.uploadId)}/${saved.next}`, 303);
      }),
    );

    const roleItems = (page: SignedIn, selected: string | null | undefined) => [
      { value: '', text: 'Choose a role', selected: selected === undefined },
      { value: NO_GRADED_ROLE, text: 'No graded role', selected: selected === null },
      ...page.deps.catalogue
        .roles()
        .map(({ role }) => ({ value: role.id, text: `${role.id} – ${role.title}`, selected: selected === role.id })),
    ];

    const renderRoles = async (page: SignedIn, errors: FormErrors = noErrors()) => {
      const ref = refOf(page.request);
      const preview = await importRolesPage(page.deps, page.actor, ref);
      const values = preview.roleValues.map((choice, index) => ({
        index,
        value: choice.value,
        remembered: choice.remembered,
        items: roleItems(page, choice.gradedRole),
        error: errors.fieldErrors[`role-${index}`],
      }));
      const here = base(ref.schoolId, ref.uploadId);
      return renderForm(page, view('roles'), { school: preview.school, values, action: `${here}/roles`, back: `${here}/columns` }, errors);
    };

    scope.get('/schools/:id/import/:upload/roles', signedInPage(renderRoles));

    scope.post(
      '/schools/:id/import/:upload/roles',
      signedInPage(async (page) => {
        const ref = refOf(page.request);
        const { problems } = await saveImportRoles(page.deps, page.actor, ref, roleChoicesPosted(postedOf(page.request.body)));
        if (problems.length > 0) return renderRoles(page, formErrorsOf(problems.map((p) => ({ field: `role-${p.index}`, text: p.text }))));
        return page.reply.redirect(`${base(ref.schoolId, ref.uploadId)}/preview`, 303);
      }),
    );

    scope.get(
      '/schools/:id/import/:upload/preview',
      signedInPage(async ({ request, reply, actor, deps }) => {
        const ref = refOf(request);
        const { preview, fileName } = await importPreviewPage(deps, actor, ref);
        const here = base(ref.schoolId, ref.uploadId);
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
          fileName,
          action: `${here}/apply`,
          columnsHref: `${here}/columns`,
          rolesHref: preview.mapping.role === null ? null : `${here}/roles`,
          uploadHref: base(ref.schoolId),
        });
      }),
    );

    scope.post(
      '/schools/:id/import/:upload/apply',
      signedInPage(async ({ request, reply, actor, deps }) => {
        const ref = refOf(request);
        const markMissingAsLeft = postedOf(request.body).markMissingAsLeft === 'yes';
        const { finished } = await applyImport(deps, actor, ref, markMissingAsLeft);
        finished.then(
          (status) => {
            if (status.state === 'failed' && status.details.length === 0) request.log.error({ status }, 'staff import failed');
          },
          (error: unknown) => request.log.error({ err: error }, 'staff import failed'),
        );
        return reply.redirect(`${base(ref.schoolId, ref.uploadId)}/status`, 303);
      }),
    );

    scope.get(
      '/schools/:id/import/:upload/status',
      signedInPage(async ({ request, reply, actor, deps }) => {
        const ref = refOf(request);
        const page = await importStatusPage(deps, actor, ref);
        return renderPage(request, reply, view('status'), {
          ...page,
          previewHref: `${base(ref.schoolId, ref.uploadId)}/preview`,
          uploadHref: base(ref.schoolId),
          directoryHref: app.hasRoute({ method: 'GET', url: '/people' }) ? '/people' : null,
          exportHref: `/schools/${encodeURIComponent(page.school.id)}/staff.csv`,
        });
      }),
    );
  });
};
