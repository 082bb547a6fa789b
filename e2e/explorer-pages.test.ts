import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/http/server.ts';
import type { AppContext } from '../src/usecases/context.ts';
import { explorerContext } from './support/server.ts';

/** Fast, browser-free checks of every explorer route: status and key content. */
describe('explorer pages (inject)', () => {
  let app: FastifyInstance;
  const get = async (url: string) => {
    const response = await app.inject(url);
    return { status: response.statusCode, body: response.body, headers: response.headers };
  };

  let context: AppContext;

  beforeAll(async () => {
    context = await explorerContext();
    app = await buildServer(context, { logLevel: 'silent' });
  });
  afterAll(async () => {
    await app.close();
    await context.database.close();
  });

  it('home has the search box and the demo banner', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('name="q"');
    expect(page.body).toContain('Demo instance — not for real data');
    expect(page.body).not.toMatch(/govuk-logo|GDS Transport|Crown copyright|Open Government Licence/);
  });

  it('lets the govuk js-enabled snippet run with a nonce and no other inline script', async () => {
    const page = await get('/');
    const nonce = /<script nonce="([^"]+)">/.exec(page.body)?.[1];
    expect(nonce).toBeTruthy();
    expect(page.headers['content-security-policy']).toContain(`'nonce-${nonce}'`);
    expect(page.body.match(/<script(?![^>]*\bsrc=)[^>]*>/g)).toHaveLength(1);
  });

  it('lists the frameworks', async () => {
    const page = await get('/frameworks');
    expect(page.status).toBe(200);
    for (const id of ['njc-role-profiles', 'hlta-standards', 'st1414', 'qcf-stl', 'partnership-teacher'])
      expect(page.body).toContain(`/frameworks/${id}`);
  });

  it('shows TA3 with duties D1–D7, the specialisms D7a–d and an indicative requirement', async () => {
    const page = await get('/roles/TA3');
    expect(page.status).toBe(200);
    for (const code of ['D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D7a', 'D7b', 'D7c', 'D7d'])
      expect(page.body).toContain(`id="item-TA3.${code}"`);
    expect(page.body).not.toContain('id="item-TA3.D8"');
    expect(page.body).toContain('Indicative');
    expect(page.body).toContain('Where it leads');
  });

  it('shows where TA1 leads', async () => {
    const page = await get('/roles/TA1');
    expect(page.body).toMatch(/data-testid="leads-to"[\s\S]*href="\/roles\/TA2"/);
  });

  it('filters ST1414 by option without JavaScript', async () => {
    const all = await get('/frameworks/st1414');
    const send = await get('/frameworks/st1414?option=SEND');
    expect(send.status).toBe(200);
    expect(all.body).toContain('id="item-ST1414.K36"');
    expect(send.body).toContain('id="item-ST1414.K31"');
    expect(send.body).toContain('id="item-ST1414.K1"');
    expect(send.body).not.toContain('id="item-ST1414.K36"');
    expect(send.body).toMatch(/value="SEND"[^>]*checked/);
  });

  it('draws the ladder with both tracks and lists its edges as text', async () => {
    const page = await get('/ladder');
    expect(page.status).toBe(200);
    for (const id of ['TA1', 'TA5', 'ASNA1', 'ASNA3', 'SPECIALIST_TA_L5', 'ASSOCIATE_TEACHER_L5', 'TEACHER_QTS'])
      expect(page.body).toContain(`href="/roles/${id}"`);
    expect(page.body).toContain('<svg');
    expect(page.body).toContain('data-testid="ladder-edges"');
  });

  it('shows the 33 HLTA standards under their headings', async () => {
    expect((await get('/hlta-standards')).status).toBe(302);
    const page = await get('/frameworks/hlta-standards');
    for (let n = 1; n <= 33; n++) expect(page.body).toContain(`id="item-HLTA.${n}"`);
    expect(page.body).toContain('<h2');
  });

  it('lists qualifications with credits, and a qualification with its units and NOS links', async () => {
    const list = await get('/qualifications');
    expect(list.status).toBe(200);
    expect(list.body).toContain('/qualifications/QCF.L3-CERT-STL');
    const page = await get('/qualifications/QCF.L3-CERT-STL');
    expect(page.status).toBe(200);
    expect(page.body).toContain('not given in the source');
    expect(page.body).toMatch(/href="\/frameworks\/nos-stl#item-NOS\.\d+"/);
  });

  it('spells qualification sizes and schemes as the data names them, not as ids', async () => {
    const list = await get('/qualifications');
    expect(list.body).toMatch(/>\s*CertHE\s*</);
    expect(list.body).toMatch(/>\s*QTS\s*</);
    expect(list.body).not.toMatch(/>\s*(Certhe|Qts)\s*</);
    const framework = await get('/qualifications/FR04171.ADVANCED');
    expect(framework.body).toContain('Apprenticeship framework');
    expect(framework.body).not.toContain('apprenticeship-framework');
  });

  it('shows where a text comes from in public words, behind "Where this comes from"', async () => {
    const role = await get('/roles/TA3');
    expect(role.body).toContain('Where this comes from');
    expect(role.body).toContain(
      'NJC role profiles, July 2013 (as set out in the UNISON and National Education Trust guidance), section 4.3',
    );
    expect(role.body).not.toContain('003_02d8b21ed1d9710a.txt');
    const teacher = await get('/roles/TEACHER_QTS');
    expect(teacher.body).not.toContain('TEACHER_QTS ·');
    expect(teacher.body).toContain('Written by Pathways');
  });

  it('shows the 11 kinds of partnership teacher', async () => {
    const page = await get('/partnership-teachers');
    expect(page.status).toBe(200);
    expect(page.body).toContain('11 kinds of partnership teacher');
  });

  it('searches across all items', async () => {
    const page = await get('/search?q=HLTA.17');
    expect(page.status).toBe(200);
    expect(page.body).toContain('href="/frameworks/hlta-standards#item-HLTA.17"');
    expect((await get(`/search?q=${'x'.repeat(300)}`)).status).toBe(400);
  });

  it('answers unknown pages with a GOV.UK style 404', async () => {
    for (const url of ['/nowhere', '/roles/NOPE', '/frameworks/nope', '/qualifications/NOPE']) {
      const page = await get(url);
      expect(page.status).toBe(404);
      expect(page.body).toContain('Page not found');
    }
  });

  it('serves the stylesheet brotli-compressed to browsers that accept it', async () => {
    const css = await app.inject({ url: '/assets/app.css', headers: { 'accept-encoding': 'br, gzip' } });
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-encoding']).toBe('br');
    expect(Number(css.headers['content-length'] ?? css.rawPayload.length)).toBeLessThan(30_000);
  });

  it('serves the built stylesheet without GDS Transport', async () => {
    const css = await get('/assets/app.css');
    expect(css.status).toBe(200);
    expect(css.body).not.toContain('GDS Transport');
  });

  it('leaves out the demo banner outside demo mode', async () => {
    const plain = await buildServer({ ...context, demo: false }, { logLevel: 'silent' });
    const response = await plain.inject('/');
    expect(response.body).not.toContain('Demo instance');
    await plain.close();
  });
});
