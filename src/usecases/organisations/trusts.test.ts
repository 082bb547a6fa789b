import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actors } from '../../store/actors.ts';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../../store/testing.ts';
import { testKeys } from '../../testing/context.ts';
import { verifyAuditChains } from '../audit-log/audit-log.ts';
import { acceptInvitation } from '../auth/invitations.ts';
import { cheapPasswordCost } from '../auth/passwords.ts';
import { showOrganisation } from './organisations.ts';
import { createTrust, OPERATOR_ACTOR, readTrustInput } from './trusts.ts';

const now = new Date('2026-12-03T10:00:00Z');
const config = { smtpUrl: undefined, production: false, publicUrl: 'https://pathways.example.org/' };

describe.each(testDatabaseKinds())('an operator creating a trust on %s', (kind) => {
  let database: TestDatabase;
  const deps = (overrides: Partial<Parameters<typeof createTrust>[0]> = {}) => ({
    db: database.kysely,
    auditKey: testKeys.auditKey,
    clock: () => now,
    config,
    demo: false,
    ...overrides,
  });
  const trustCount = async () =>
    (await database.kysely.selectFrom('organisations').select('id').where('kind', '=', 'trust').execute()).length;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database.close());

  it('creates the trust and invites its first admin, who can accept and then read the trust; all on the new trust’s chain', async () => {
    const created = await createTrust(
      deps(),
      readTrustInput({ name: '  Hillside Trust ', nation: 'Wales', adminEmail: 'Head@Hillside.example' }),
    );
    expect(created).toMatchObject({ name: 'Hillside Trust', nation: 'Wales', admin: { email: 'head@hillside.example' } });
    const token = created.admin?.invitationLink.match(/^https:\/\/pathways\.example\.org\/invitations\/([\w-]+)$/)?.[1];
    expect(token).toBeTruthy();
    const outbox = await database.kysely.selectFrom('outbox_messages').select(['recipient', 'body_text', 'trust_id']).execute();
    expect(outbox).toEqual([
      {
        recipient: 'head@hillside.example',
        trust_id: created.trustId,
        body_text: expect.stringContaining(created.admin?.invitationLink ?? '?'),
      },
    ]);

    const events = await database.kysely.selectFrom('audit_events').select(['action', 'actor', 'chain']).orderBy('id').execute();
    expect(events).toEqual(
      ['organisation.created', 'account.invited', 'role.assigned'].map((action) => ({
        action,
        actor: OPERATOR_ACTOR,
        chain: created.trustId,
      })),
    );
    expect(await verifyAuditChains({ db: database.kysely, auditKey: testKeys.auditKey })).toEqual([
      { chain: created.trustId, verdict: { ok: true, checked: 3 } },
    ]);

    const accepted = await acceptInvitation(
      { ...deps(), passwordCost: cheapPasswordCost },
      { token: token ?? '', password: 'a long and unusual passphrase 42' },
    );
    expect(accepted).toMatchObject({ userId: created.admin?.userId, trustId: created.trustId });
    const admin = await actors(database.kysely).load(accepted.userId);
    if (!admin) throw new Error('no admin');
    expect(admin.assignments).toEqual([expect.objectContaining({ role: 'trust_admin', organisationId: created.trustId })]);
    const shown = await showOrganisation({ db: database.kysely, auditKey: testKeys.auditKey }, admin, created.trustId);
    expect(shown.organisation.name).toBe('Hillside Trust');
  });

  it('refuses a second trust of the same name, or an email that already has an account, and creates nothing', async () => {
    const before = await trustCount();
    await expect(createTrust(deps(), readTrustInput({ name: 'HILLSIDE trust' }))).rejects.toMatchObject({ code: 'conflict' });
    await expect(createTrust(deps(), readTrustInput({ name: 'Valley Trust', adminEmail: 'head@hillside.example' }))).rejects.toMatchObject({
      code: 'conflict',
      details: [expect.objectContaining({ where: 'adminEmail' })],
    });
    expect(await trustCount()).toBe(before);
  });

  it('creates a trust without an admin, and refuses what the operator typed wrong', async () => {
    const created = await createTrust(deps(), readTrustInput({ name: 'Brook Trust' }));
    expect(created).toMatchObject({ name: 'Brook Trust', nation: 'England', admin: null });
    expect(() => readTrustInput({ name: ' ', nation: 'France', adminEmail: 'not an email' })).toThrow(
      expect.objectContaining({
        code: 'validation',
        details: [
          expect.objectContaining({ where: 'name' }),
          expect.objectContaining({ where: 'nation' }),
          expect.objectContaining({ where: 'adminEmail' }),
        ],
      }),
    );
  });

  it('in production, refuses to invite an admin without a public address for the link, and creates nothing', async () => {
    const before = await trustCount();
    const production = deps({ config: { smtpUrl: undefined, production: true, publicUrl: undefined } });
    await expect(createTrust(production, readTrustInput({ name: 'Meadow Trust', adminEmail: 'head@meadow.example' }))).rejects.toThrow();
    expect(await trustCount()).toBe(before);
  });
});
