// Real servers on 127.0.0.1 for one test file, closed after each test: `afterEach(closeServers)`.
import { startServer, type Reply } from '@hwsec/test-support/http-server';

const servers: Array<{ close(): Promise<void> }> = [];

/** A server that answers with `replies` in turn; closed by closeServers. */
export async function serve(...replies: Reply[]) {
  const server = await startServer(replies);
  servers.push(server);
  return server;
}

export async function closeServers(): Promise<void> {
  for (const server of servers.splice(0)) await server.close();
}
