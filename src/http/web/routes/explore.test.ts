import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../store/database.ts';
import { openTestDatabase } from '../../../store/testing.ts';
import { buildTestContext } from '../../../testing/context.ts';
import { buildServer } from '../../server.ts';

describe('Explore a career page (no account, no database needed)', () => {
  let database: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    app = await buildServer(await buildTestContext(database), { logLevel: 'silent' });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });
  const get = (url: string) => app.inject({ method: 'GET', url });

  it('shows the form, linked from the navigation', async () => {
    const response = await get('/explore');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<h1 class="govuk-heading-xl">Explore a career</h1>');
    expect(response.body).toContain('href="/explore"');
    expect(response.body).toContain('name="qualifications"');
    expect(response.body).not.toContain('data-testid="gap"');
  });

  it('runs gap and routes on the state entered, without signing in', async () => {
    const query = new URLSearchParams({
      run: '1',
      role: 'TA2',
      phase: 'primary',
      nation: 'England',
      english: 'gcse-9-1|4',
      maths: 'gcse-9-1|3',
      hltaMet: '3',
      hours: '4',
      target: 'TA3',
      goal: 'HLTA_STATUS',
    });
    const response = await get(`/explore?${query}`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('data-testid="gap"');
    expect(response.body).toContain('What you still need for');
    expect(response.body).toContain('data-testid="step-by-step"');
    expect(response.body).toMatch(/Step 1/);
  });

  it('for a graduate, lists the teacher degree apprenticeship under "Routes not open to you" with the reason; steps read as sentences', async () => {
    // The teacher degree apprenticeship is only for people without a degree (Get Into Teaching).
    const query = new URLSearchParams({
      run: '1',
      role: 'TA4',
      phase: 'secondary',
      nation: 'England',
      english: 'gcse-9-1|6',
      maths: 'gcse-9-1|5',
      qualifications: 'HE.HONOURS-TOP-UP',
      specialisms: 'a',
      hours: '6',
      target: 'TA5',
      goal: 'TEACHER_QTS',
      trainingPhase: 'secondary',
    });
    const response = await get(`/explore?${query}`);
    expect(response.statusCode).toBe(200);
    const notOpen = /<ul[^>]*data-testid="routes-not-open">([\s\S]*?)<\/ul>/.exec(response.body)?.[1] ?? '';
    expect(notOpen).toContain('<strong>Teacher degree apprenticeship (TDA)</strong>: only for people without a degree.');
    expect(response.body).toContain('Routes not open to you');
    // Step headings start with a capital; a done step says what met it rather than "How long: done".
    expect(response.body).toContain('Complete accredited QTS programme');
    expect(response.body).not.toContain('<strong>How long:</strong> done');
    expect(response.body).toContain('<strong>Met by:</strong> GCSE (9 to 1 grading, England) English grade 6');
    // Without a degree the same page lists nothing as not open.
    query.delete('qualifications');
    expect((await get(`/explore?${query}`)).body).not.toContain('Routes not open to you');
  });

  it('re-renders with a GOV.UK error summary that links to each wrong field', async () => {
    const response = await get('/explore?run=1&role=TA2&nation=England&hltaMet=99&hours=abc&target=TA3&goal=HLTA_STATUS');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('govuk-error-summary');
    expect(response.body).toContain('href="#phase"');
    expect(response.body).toContain('href="#hltaMet"');
    expect(response.body).toContain('href="#hours"');
    expect(response.body).toContain('<title>Error: Explore a career');
  });
});
