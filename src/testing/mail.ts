import type { Kysely } from 'kysely';
import { SMTPServer, type SMTPServer as SMTPServerType } from 'smtp-server';
import type { AccountRole, Tables } from '../store/tables.ts';

export type ReceivedMail = { from: string; to: string[]; raw: string };

/** A real SMTP server on a loopback port that keeps what it receives (tests only). */
export const startTestSmtpServer = async (): Promise<{ url: string; received: ReceivedMail[]; close(): Promise<void> }> => {
  const received: ReceivedMail[] = [];
  const server: SMTPServerType = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
};

/** The body of a received message with quoted-printable soft line breaks undone. */
export const bodyOf = (mail: ReceivedMail) =>
  mail.raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

/** A trust with two schools and accounts (no demo flag) for mail, invitation, reset and sign-on tests. */
export const seedTrust = async (db: Kysely<Tables>, passwordHash: string | null) => {
  const trustId = crypto.randomUUID();
  const schoolA = crypto.randomUUID();
  const schoolB = crypto.randomUUID();
  await db
    .insertInto('organisations')
    .values([
      { id: trustId, trust_id: trustId, kind: 'trust', name: 'Oak Trust', phase: null, nation: 'England', urn: null, parent_id: null },
      {
        id: schoolA,
        trust_id: trustId,
        kind: 'school',
        name: 'Oak Primary',
        phase: 'primary',
        nation: 'England',
        urn: null,
        parent_id: trustId,
      },
      {
        id: schoolB,
        trust_id: trustId,
        kind: 'school',
        name: 'Elm Secondary',
        phase: 'secondary',
        nation: 'England',
        urn: null,
        parent_id: trustId,
      },
    ])
    .execute();
  const account = async (email: string, role: AccountRole, organisationId: string) => {
    const id = crypto.randomUUID();
    await db.insertInto('user_accounts').values({ id, trust_id: trustId, person_id: null, email, password_hash: passwordHash }).execute();
    await db
      .insertInto('role_assignments')
      .values({ id: crypto.randomUUID(), trust_id: trustId, user_id: id, role, organisation_id: organisationId })
      .execute();
    return id;
  };
  const trustAdmin = await account('tara@oak.example', 'trust_admin', trustId);
  const schoolAdminA = await account('sam@oak.example', 'school_admin', schoolA);
  const staffA = await account('alex@oak.example', 'staff', schoolA);
  const staffB = await account('bea@oak.example', 'staff', schoolB);
  return { trustId, schoolA, schoolB, trustAdmin, schoolAdminA, staffA, staffB };
};
