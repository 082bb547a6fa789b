import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolments } from '../../store/apprenticeships/enrolments.ts';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../../store/testing.ts';
import { testKeys } from '../../testing/context.ts';
import { loadActor, type SeededTrust, seedTwoTrusts } from '../../testing/two-trusts.ts';
import { assessorCaseload } from '../apprenticeships/caseload.ts';
import { enrol, loadEnrolment } from '../apprenticeships/enrolments.ts';
import { apprenticeshipTestDeps } from '../apprenticeships/off-the-job-testing.ts';
import { verifyAuditChains } from '../audit-log/audit-log.ts';
import { acceptInvitation } from '../auth/invitations.ts';
import { cheapPasswordCost } from '../auth/passwords.ts';
import { createProvider, readProviderInput } from './providers.ts';
import { OPERATOR_ACTOR } from './trusts.ts';

const now = new Date('2026-12-06T10:00:00Z');
const config = { smtpUrl: undefined, production: false, publicUrl: 'https://pathways.example.org/' };

describe.each(testDatabaseKinds())('an operator setting up a training provider on %s', (kind) => {
  let database: TestDatabase;
  let own: SeededTrust;
  const deps = (overrides: Partial<Parameters<typeof createProvider>[0]> = {}) => ({
    db: database.kysely,
    auditKey: testKeys.auditKey,
    clock: () => now,
    config,
    demo: false,
    ...overrides,
  });
  const counts = async () => ({
    providers: (await database.kysely.selectFrom('organisations').select('id').where('kind', '=', 'provider').execute()).length,
    accounts: (await database.kysely.selectFrom('user_accounts').select('id').execute()).length,
    events: (await database.kysely.selectFrom('audit_events').select('id').execute()).length,
  });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    ({ own } = await seedTwoTrusts(database.kysely));
  }, 60_000);
  afterAll(() => database.close());

  it('creates the provider with its UKPRN and invites its assessor, who accepts and then sees the apprentices an employer enrols with it', async () => {
    const created = await createProvider(
      deps(),
      readProviderInput({ name: ' Northfield College ', ukprn: '10004321', assessorEmail: 'Sam.Okafor@Northfield.example' }),
    );
    expect(created).toMatchObject({ name: 'Northfield College', ukprn: '10004321', assessor: { email: 'sam.okafor@northfield.example' } });
    const stored = await database.kysely
      .selectFrom('organisations')
      .select(['kind', 'trust_id', 'ukprn', 'nation', 'parent_id'])
      .where('id', '=', created.providerId)
      .executeTakeFirstOrThrow();
    // Its own tenant, as enrolments and the assessor scope expect.
    expect(stored).toEqual({ kind: 'provider', trust_id: created.providerId, ukprn: '10004321', nation: 'England', parent_id: null });

    const events = await database.kysely
      .selectFrom('audit_events')
      .select(['action', 'actor'])
      .where('chain', '=', created.providerId)
      .orderBy('id')
      .execute();
    expect(events).toEqual(
      ['organisation.created', 'account.invited', 'role.assigned'].map((action) => ({ action, actor: OPERATOR_ACTOR })),
    );
    expect(await verifyAuditChains({ db: database.kysely, auditKey: testKeys.auditKey })).toContainEqual({
      chain: created.providerId,
      verdict: { ok: true, checked: 3 },
    });
    const outbox = await database.kysely
      .selectFrom('outbox_messages')
      .select(['recipient', 'body_text'])
      .where('trust_id', '=', created.providerId)
      .execute();
    expect(outbox).toEqual([
      { recipient: 'sam.okafor@northfield.example', body_text: expect.stringContaining(created.assessor?.invitationLink ?? '?') },
    ]);

    const token = created.assessor?.invitationLink.match(/^https:\/\/pathways\.example\.org\/invitations\/([\w-]+)$/)?.[1];
    expect(token).toBeTruthy();
    const accepted = await acceptInvitation(
      { ...deps(), passwordCost: cheapPasswordCost },
      { token: token ?? '', password: 'a long and unusual passphrase 42' },
    );
    expect(accepted).toMatchObject({ userId: created.assessor?.userId, trustId: created.providerId });

    // The employer now finds it on the enrolment form and enrols an apprentice with it.
    expect(await enrolments(database.kysely).providers()).toContainEqual({ id: created.providerId, name: 'Northfield College' });
    const apprenticeships = await apprenticeshipTestDeps(database.kysely, '2026-12-06');
    const admin = await loadActor(database.kysely, own.users.school_admin.userId);
    const { id } = await enrol(apprenticeships, admin, {
      personId: own.reportId,
      providerId: created.providerId,
      programme: 'ST1414',
      optionCode: 'SEND',
      startDate: '2026-09-01',
      contractedHoursPerWeek: 32.5,
      ageAtStart: 24,
    });
    const assessor = await loadActor(database.kysely, accepted.userId);
    expect(assessor.assignments).toEqual([expect.objectContaining({ role: 'assessor', organisationId: created.providerId })]);
    expect((await loadEnrolment(apprenticeships, assessor, id, 'enrolment.read')).providerName).toBe('Northfield College');
    const caseload = await assessorCaseload(apprenticeships, assessor, {});
    expect(caseload.rows.map((r) => r.enrolmentId)).toEqual([id]);
  });

  it('refuses a second provider of the same name or UKPRN, or an assessor email that already has an account, and creates nothing', async () => {
    const before = await counts();
    await expect(createProvider(deps(), readProviderInput({ name: 'NORTHFIELD college' }))).rejects.toMatchObject({
      code: 'conflict',
      details: [expect.objectContaining({ where: 'name' })],
    });
    await expect(createProvider(deps(), readProviderInput({ name: 'Southbank Training', ukprn: '10004321' }))).rejects.toMatchObject({
      code: 'conflict',
      message: 'The UKPRN 10004321 is already held by Northfield College',
      details: [expect.objectContaining({ where: 'ukprn' })],
    });
    await expect(
      createProvider(deps(), readProviderInput({ name: 'Southbank Training', assessorEmail: 'sam.okafor@northfield.example' })),
    ).rejects.toMatchObject({ code: 'conflict', details: [expect.objectContaining({ where: 'assessorEmail' })] });
    expect(await counts()).toEqual(before);
  });

  it('creates a provider without a UKPRN or an assessor, and refuses what the operator typed wrong', async () => {
    const created = await createProvider(deps(), readProviderInput({ name: 'Brook Training' }));
    expect(created).toMatchObject({ name: 'Brook Training', ukprn: null, assessor: null });
    expect(() => readProviderInput({ name: ' ', ukprn: '1234', assessorEmail: 'not an email' })).toThrow(
      expect.objectContaining({
        code: 'validation',
        details: [
          expect.objectContaining({ where: 'name' }),
          expect.objectContaining({ where: 'ukprn', reason: 'A UKPRN is 8 digits, as on the UK Register of Learning Providers' }),
          expect.objectContaining({ where: 'assessorEmail' }),
        ],
      }),
    );
  });

  it('keeps the UKPRN to providers in the schema too: a school cannot hold one', async () => {
    await expect(
      database.kysely.updateTable('organisations').set({ ukprn: '10009999' }).where('id', '=', own.schoolId).execute(),
    ).rejects.toThrow(/organisations_ukprn_of_provider/);
  });

  it('in production, refuses to invite an assessor without a public address for the link, and creates nothing', async () => {
    const before = await counts();
    const production = deps({ config: { smtpUrl: undefined, production: true, publicUrl: undefined } });
    await expect(
      createProvider(production, readProviderInput({ name: 'Meadow Training', assessorEmail: 'assessor@meadow.example' })),
    ).rejects.toThrow();
    expect(await counts()).toEqual(before);
  });
});
