import { describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../store/testing.ts';
import { useSeededServer } from '../seeded-server.ts';
import { apiRequest } from '../testing.ts';

const NOW = new Date('2026-11-20T10:00:00Z');

describe.each(testDatabaseKinds())('API bodies with fields the contract does not have on %s', (kind) => {
  const server = useSeededServer(kind, { now: NOW });

  it('refuses an unknown field with 400, naming it, instead of dropping it silently', async () => {
    const { app, own, cookies } = server;
    const staff = cookies.staff;
    const manager = cookies.line_manager;
    const person = `/api/people/${own.reportId}`;
    const cases: [url: string, body: Record<string, unknown>, cookie: string][] = [
      ['/api/session', { email: 'a@example.com', password: 'secret', approved: true }, ''],
      [`${person}/cpd`, { title: 'Phonics', kind: 'course', status: 'planned', minutes: 0, approved: true }, staff],
      [
        `${person}/evidence`,
        { kind: 'reflective-account', title: 'Calm', occurredOn: '2026-10-01', body: 'x', claims: [], approved: true },
        staff,
      ],
      [`${person}/achievements`, { kind: 'unit', title: 'Reading', level: 2, credits: 5, achievedOn: '2025-01-01', approved: true }, staff],
      [`${person}/judgements`, { itemCode: 'TA3.D1', value: 'met', approved: true }, manager],
      [`${person}/reviews`, { approved: true }, manager],
      ['/api/gap', { state: {}, target: 'TA4', approved: true }, ''],
    ];
    for (const [url, body, cookie] of cases) {
      const response = await apiRequest(app, 'POST', url, cookie, body);
      expect({ url, status: response.statusCode }).toEqual({ url, status: 400 });
      expect({ url, body: response.body }).toEqual({ url, body: expect.stringContaining('approved') });
    }
    const known = await apiRequest(app, 'POST', `${person}/cpd`, staff, {
      title: 'Phonics',
      kind: 'course',
      status: 'planned',
      minutes: 0,
    });
    expect(known.statusCode).toBe(201);
  });
});
