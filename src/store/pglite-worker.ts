/**
 * Runs the embedded database (PGlite) in a worker thread, off the main event loop, behind a
 * PostgreSQL wire-protocol server on loopback, so the application speaks to it with the ordinary
 * `pg` driver exactly as to PostgreSQL.
 *
 * PGlite is one backend. Several client connections (the server's pool, a CLI command beside a
 * running server) take turns: a connection owns the backend from its first message until the
 * backend is idle and outside a transaction after a Sync or simple Query, so an extended-protocol
 * exchange or a transaction is never interleaved with another connection's messages.
 */
import { createServer, type Socket } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

export type WorkerInput = { dataDir: string; host: string };
export type WorkerMessage = { type: 'ready'; port: number } | { type: 'failed'; message: string } | { type: 'stopped' };

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;

type Connection = { socket: Socket; buffer: Buffer; started: boolean; pending: Uint8Array[]; closed: boolean };

const { dataDir, host } = workerData as WorkerInput;
const post = (message: WorkerMessage) => parentPort?.postMessage(message);

const db = await PGlite.create({ dataDir }).catch((error: unknown) => {
  post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});

let owner: Connection | null = null;
const waiting: Connection[] = [];
const connections = new Set<Connection>();
let running = false;

/** Splits complete protocol messages off the connection's buffer. */
const takeMessages = (connection: Connection) => {
  for (;;) {
    const { buffer } = connection;
    if (!connection.started) {
      if (buffer.length < 8) return;
      const length = buffer.readInt32BE(0);
      if (buffer.length < length) return;
      const code = buffer.readInt32BE(4);
      connection.buffer = buffer.subarray(length);
      if (code === SSL_REQUEST) {
        connection.socket.write('N');
        continue;
      }
      if (code === CANCEL_REQUEST) {
        connection.socket.end();
        return;
      }
      connection.started = true;
      connection.pending.push(new Uint8Array(buffer.subarray(0, length)));
      continue;
    }
    if (buffer.length < 5) return;
    const length = 1 + buffer.readInt32BE(1);
    if (buffer.length < length) return;
    connection.pending.push(new Uint8Array(buffer.subarray(0, length)));
    connection.buffer = buffer.subarray(length);
  }
};

const schedule = () => {
  if (running) return;
  running = true;
  void drain().finally(() => {
    running = false;
    if (owner?.pending.length || owner?.closed || (!owner && waiting.length > 0)) schedule();
  });
};

/** Feeds the owner's messages to PGlite; hands the backend to the next waiting connection when it is free. */
const drain = async () => {
  for (;;) {
    if (!owner) {
      owner = waiting.shift() ?? null;
      if (!owner) return;
    }
    const connection = owner;
    if (connection.closed) {
      // A connection that went away mid-transaction has it rolled back, as PostgreSQL would.
      if (db.isInTransaction()) await db.exec('ROLLBACK').catch(() => undefined);
      owner = null;
      continue;
    }
    const message = connection.pending.shift();
    if (!message) return;
    const type = String.fromCharCode(message[0] ?? 0);
    if (type === 'X') {
      connection.closed = true;
      connection.socket.end();
      continue;
    }
    await db.runExclusive(() =>
      db.execProtocolRawStream(message, {
        onRawData: (data) => {
          if (!connection.closed && data.length > 0) connection.socket.write(data);
        },
      }),
    );
    const boundary = type === 'S' || type === 'Q' || !'PBDEHFCcdf'.includes(type);
    if (boundary && !db.isInTransaction()) {
      owner = null;
      if (connection.pending.length > 0) waiting.push(connection);
    }
  }
};

const forget = (connection: Connection) => {
  connection.closed = true;
  connection.pending.length = 0;
  connections.delete(connection);
  const index = waiting.indexOf(connection);
  if (index >= 0) waiting.splice(index, 1);
  if (owner === connection) schedule();
};

const server = createServer((socket) => {
  const connection: Connection = { socket, buffer: Buffer.alloc(0), started: false, pending: [], closed: false };
  connections.add(connection);
  socket.setNoDelay(true);
  socket.on('data', (chunk) => {
    if (connection.closed) return;
    connection.buffer = connection.buffer.length ? Buffer.concat([connection.buffer, chunk]) : chunk;
    const before = connection.pending.length;
    takeMessages(connection);
    if (connection.pending.length > before && owner !== connection && !waiting.includes(connection)) waiting.push(connection);
    schedule();
  });
  socket.on('error', () => undefined);
  socket.on('close', () => forget(connection));
});

server.on('error', (error) => post({ type: 'failed', message: error.message }));
server.listen(0, host, () => {
  const address = server.address();
  post({ type: 'ready', port: typeof address === 'object' && address ? address.port : 0 });
});

parentPort?.on('message', async (message: { type: 'stop' }) => {
  if (message.type !== 'stop') return;
  server.close();
  for (const connection of connections) connection.socket.destroy();
  while (running) await new Promise((resolve) => setTimeout(resolve, 5));
  await db.close().catch(() => undefined);
  post({ type: 'stopped' });
});
