import type { FastifyInstance } from 'fastify';
import nunjucks from 'nunjucks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { humanSize, mediaTypeName } from '../../../../domain/attachments/accepted-files.ts';
import { uploadRules } from '../../../../domain/attachments/upload-picker.ts';
import { sampleExe, sampleHeic, samplePdf } from '../../../../store/file-samples.ts';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../../../../store/testing.ts';
import { insertEvidence } from '../../../../testing/attachments.ts';
import { buildTestContext } from '../../../../testing/context.ts';
import { type SeededTrust, seedTwoTrusts } from '../../../../testing/two-trusts.ts';
import { contentDisposition } from '../../../attachment-transfer.ts';
import { buildServer } from '../../../server.ts';
import { postForm, sessionCookie } from '../../../testing.ts';

const MAX_BYTES = 4000;
const NOW = new Date('2026-11-20T10:00:00Z');

/** A multipart body as a browser sends it: text fields, then the file. */
const multipartOf = async (fields: Record<string, string>, file?: { name: string; bytes: Uint8Array }) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file) form.append('file', new Blob([new Uint8Array(file.bytes)]), file.name);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { contentType: request.headers.get('content-type') ?? '', payload: Buffer.from(await request.arrayBuffer()) };
};

describe.each(testDatabaseKinds())('attachment routes on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let own: SeededTrust;
  let other: SeededTrust;
  let staffCookie: string;

  const upload = async (cookie: string, url: string, fields: Record<string, string>, file?: { name: string; bytes: Uint8Array }) => {
    const body = await multipartOf(fields, file);
    return app.inject({
      method: 'POST',
      url,
      headers: { cookie, 'sec-fetch-site': 'same-origin', 'content-type': body.contentType },
      payload: body.payload,
    });
  };
  const cookieOf = (user: { userId: string }, trust: SeededTrust) => sessionCookie(database.kysely, user.userId, trust.trustId);

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    ({ own, other } = await seedTwoTrusts(database.kysely));
    const context = await buildTestContext(database, { clock: () => NOW });
    app = await buildServer({ ...context, config: { ...context.config, attachmentMaxBytes: MAX_BYTES } }, { logLevel: 'silent' });
    staffCookie = await cookieOf(own.users.staff, own);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const returnTo = () => `/people/${own.reportId}/portfolio/evidence?tab=files`;
  /** A draft evidence item of the report's, with a PDF the report uploaded through the web form: that attachment's row. */
  const uploadPdfToDraftEvidence = async () => {
    const ownerId = await insertEvidence(database.kysely, own, NOW, 'draft');
    await upload(
      staffCookie,
      `/people/${own.reportId}/attachments`,
      { ownerKind: 'evidence', ownerId, returnTo: returnTo() },
      { name: 'a.pdf', bytes: samplePdf() },
    );
    return database.kysely.selectFrom('attachments').select(['id']).where('owner_id', '=', ownerId).executeTakeFirstOrThrow();
  };

  it('uploads through the web form, redirects back, and downloads with safe headers', async () => {
    const ownerId = await insertEvidence(database.kysely, own, NOW, 'draft');
    const bytes = samplePdf();
    const posted = await upload(
      staffCookie,
      `/people/${own.reportId}/attachments`,
      { ownerKind: 'evidence', ownerId, returnTo: returnTo() },
      { name: 'Réflexion “1”.pdf', bytes },
    );
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toBe(returnTo());
    const row = await database.kysely.selectFrom('attachments').select(['id']).where('owner_id', '=', ownerId).executeTakeFirstOrThrow();

    const managerCookie = await cookieOf(own.users.line_manager, own);
    const download = await app.inject({ url: `/people/${own.reportId}/attachments/${row.id}`, headers: { cookie: managerCookie } });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="R_flexion _1_.pdf"; filename*=UTF-8''R%C3%A9flexion%20%E2%80%9C1%E2%80%9D.pdf`,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    // The session plugin sends every in-session response as plain `no-store`, which is stricter still.
    expect(download.headers['cache-control']).toMatch(/\bno-store\b/);
    expect(download.headers['content-length']).toBe(String(bytes.byteLength));
    expect(new Uint8Array(download.rawPayload)).toEqual(bytes);

    const api = await app.inject({ url: `/api/people/${own.reportId}/attachments/${row.id}`, headers: { cookie: staffCookie } });
    expect(api.statusCode).toBe(200);
    expect(api.headers['content-disposition']).toMatch(/^attachment; /);
    expect(api.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses another trust’s staff member without saying whether the file exists', async () => {
    const row = await uploadPdfToDraftEvidence();
    const outsider = await cookieOf(other.users.staff, other);
    const real = await app.inject({ url: `/people/${own.reportId}/attachments/${row.id}`, headers: { cookie: outsider } });
    const made = await app.inject({ url: `/people/${own.reportId}/attachments/${crypto.randomUUID()}`, headers: { cookie: outsider } });
    expect(real.statusCode).toBe(404);
    expect(made.statusCode).toBe(404);
    expect(real.headers['content-disposition']).toBeUndefined();
    // Under their own id, another trust's attachment is simply not found.
    const ownId = await app.inject({ url: `/people/${other.reportId}/attachments/${row.id}`, headers: { cookie: outsider } });
    expect(ownId.statusCode).toBe(404);
    const api = await app.inject({ url: `/api/people/${other.reportId}/attachments/${row.id}`, headers: { cookie: outsider } });
    expect(api.statusCode).toBe(404);
    const anonymous = await app.inject({ url: `/api/people/${own.reportId}/attachments/${row.id}` });
    expect(anonymous.statusCode).toBe(401);
  });

  it('sends a refused file back to the page with the reason, storing nothing', async () => {
    const ownerId = await insertEvidence(database.kysely, own, NOW, 'draft');
    const posted = await upload(
      staffCookie,
      `/people/${own.reportId}/attachments`,
      { ownerKind: 'evidence', ownerId, returnTo: returnTo() },
      { name: 'report.pdf', bytes: sampleExe() },
    );
    expect(posted.statusCode).toBe(303);
    const location = new URL(String(posted.headers.location), 'http://x');
    expect(location.pathname).toBe(`/people/${own.reportId}/portfolio/evidence`);
    expect(location.searchParams.get('tab')).toBe('files');
    expect(location.searchParams.get('uploadFor')).toBe(ownerId);
    expect(location.searchParams.get('uploadError')).toMatch(/^report\.pdf is a Windows program, not a PDF: only PDF/);
    const rows = await database.kysely.selectFrom('attachments').select('id').where('owner_id', '=', ownerId).execute();
    expect(rows).toEqual([]);
  });

  it('says clearly when a file is over the limit, never failing with a 500', async () => {
    const ownerId = await insertEvidence(database.kysely, own, NOW, 'draft');
    const big = new Uint8Array(MAX_BYTES * 3);
    big.set(samplePdf());
    const posted = await upload(
      staffCookie,
      `/people/${own.reportId}/attachments`,
      { ownerKind: 'evidence', ownerId, returnTo: returnTo() },
      { name: 'scan.pdf', bytes: big },
    );
    expect(posted.statusCode).toBe(303);
    expect(new URL(String(posted.headers.location), 'http://x').searchParams.get('uploadError')).toBe(
      `scan.pdf is over ${humanSize(MAX_BYTES)}; the largest file accepted is ${humanSize(MAX_BYTES)}`,
    );
    const api = await upload(
      staffCookie,
      `/api/people/${own.reportId}/attachments`,
      { ownerKind: 'evidence', ownerId },
      { name: 'scan.pdf', bytes: big },
    );
    expect(api.statusCode).toBe(400);
    expect(api.json().error.details).toEqual([{ where: 'file', reason: expect.stringContaining('scan.pdf is over') }]);
    const none = await upload(staffCookie, `/people/${own.reportId}/attachments`, { ownerKind: 'evidence', ownerId, returnTo: returnTo() });
    expect(new URL(String(none.headers.location), 'http://x').searchParams.get('uploadError')).toBe('Select a file to attach');
  });

  it('uploads through the API, returning the summary, and refuses a renamed program with details', async () => {
    const ownerId = await insertEvidence(database.kysely, own, NOW, 'draft');
    const url = `/api/people/${own.reportId}/attachments`;
    const created = await upload(staffCookie, url, { ownerKind: 'evidence', ownerId }, { name: 'IMG_0001.HEIC', bytes: sampleHeic() });
    expect(created.statusCode).toBe(201);
    expect(created.json().attachment).toMatchObject({
      ownerId,
      ownerKind: 'evidence',
      mediaType: 'image/heic',
      fileName: 'IMG_0001.HEIC',
      uploadedAt: NOW.toISOString(),
    });
    const refused = await upload(staffCookie, url, { ownerKind: 'evidence', ownerId }, { name: 'report.pdf', bytes: sampleExe() });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0]).toMatchObject({ where: 'file' });
    const manager = await upload(
      await cookieOf(own.users.line_manager, own),
      url,
      { ownerKind: 'evidence', ownerId },
      { name: 'a.pdf', bytes: samplePdf() },
    );
    expect(manager.statusCode).toBe(403);
    const locked = await insertEvidence(database.kysely, own, NOW, 'submitted');
    const conflict = await upload(staffCookie, url, { ownerKind: 'evidence', ownerId: locked }, { name: 'a.pdf', bytes: samplePdf() });
    expect(conflict.statusCode).toBe(409);
  });

  it('documents the API routes in OpenAPI', async () => {
    const spec = (await app.inject({ url: '/api/openapi.json' })).json();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/people/{id}/attachments', '/api/people/{id}/attachments/{attachmentId}']),
    );
  });

  it('removes a file through the web form and only for those who may change it', async () => {
    const row = await uploadPdfToDraftEvidence();
    const url = `/people/${own.reportId}/attachments/${row.id}/remove`;
    const body = `returnTo=${encodeURIComponent(returnTo())}`;
    expect((await postForm(app, url, body, await cookieOf(own.users.line_manager, own))).statusCode).toBe(403);
    const removed = await postForm(app, url, body, staffCookie);
    expect(removed.statusCode).toBe(303);
    expect(removed.headers.location).toBe(returnTo());
    const gone = await app.inject({ url: `/people/${own.reportId}/attachments/${row.id}`, headers: { cookie: staffCookie } });
    expect(gone.statusCode).toBe(404);
  });
});

describe('attachment download names', () => {
  it.each([
    ['plain.pdf', 'attachment; filename="plain.pdf"; filename*=UTF-8\'\'plain.pdf'],
    ['a"b\\c;d%.pdf', 'attachment; filename="a_b_c_d_.pdf"; filename*=UTF-8\'\'a%22b%5Cc%3Bd%25.pdf'],
    ["it's (1).pdf", "attachment; filename=\"it's (1).pdf\"; filename*=UTF-8''it%27s%20%281%29.pdf"],
  ])('writes %s safely', (name, header) => expect(contentDisposition(name)).toBe(header));
});

describe('attachment macros', () => {
  const env = new nunjucks.Environment(
    new nunjucks.FileSystemLoader([
      new URL('../../views/', import.meta.url).pathname,
      new URL('../../../../../node_modules/govuk-frontend/dist/', import.meta.url).pathname,
    ]),
    { autoescape: true },
  );
  env.addFilter('fileSize', (bytes: number) => humanSize(bytes));
  env.addFilter('fileKind', (type: string) => mediaTypeName(type));
  const render = (call: string, data: Record<string, unknown>) =>
    env.renderString(`{% from "portfolio/_attachments.njk" import attachmentList, uploadForm %}${call}`, data);

  it('lists files with their kind and size, and a Remove button only when editable', () => {
    const attachments = [{ id: 'a1', fileName: 'cert.pdf', mediaType: 'application/pdf', sizeBytes: 2048 }];
    const editable = render('{{ attachmentList("p1", attachments, true, "/back") }}', { attachments });
    expect(editable).toContain('href="/people/p1/attachments/a1"');
    expect(editable).toContain('(PDF, 2 KB)');
    expect(editable).toContain('action="/people/p1/attachments/a1/remove"');
    const readOnly = render('{{ attachmentList("p1", attachments, false, "/back") }}', { attachments });
    expect(readOnly).not.toContain('/remove');
    expect(render('{{ attachmentList("p1", [], true, "/back") }}', {})).toContain('No files attached.');
  });

  it('renders the upload form with the limit and an error message', () => {
    const upload = uploadRules(26214400);
    const html = render('{{ uploadForm("p1", "evidence", "e1", "/back", upload, "scan.pdf is over 25 MB") }}', { upload });
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).toContain('id="attachment-file-e1"');
    expect(html).toContain('up to 25 MB each');
    expect(html).toContain('scan.pdf is over 25 MB');
    expect(html).toContain('name="ownerKind" value="evidence"');
    expect(html).toContain(`accept="${upload.accept}"`);
    expect(render('{{ uploadForm("p1", "evidence", "e1", "/back", upload) }}', { upload })).not.toContain('govuk-error-message');
  });
});
