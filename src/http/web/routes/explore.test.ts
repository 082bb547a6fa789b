import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../store/database.ts';
import { openTestDatabase } from '../../../store/testing.ts';
import { buildTestContext } from '../../../usecases/testing.ts';
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
