/**
 * Starts one HTTP server per service in this process and returns their base URLs. Used by the
 * CLI, the contract tests and the benchmarks, so it never prints and never exits the process.
 */
import { createServer, type Server } from 'node:http';
import { readApiRegistry } from '@hwsec/spec';
import type { AkSkCredential } from './aksk-verifier.js';
import { portOption } from './service-option-names.js';
import { createPrismEngine } from './prism-engine.js';
import { createServiceHandler, type RequestLogEntry } from './service-handler.js';
import { createStatefulMode } from './stateful/stateful-mode.js';
import { SignatureLockout } from './signature-lockout.js';

/** An API id of the `@hwsec/spec` registry (`hss`, `dsc`, `secmaster`, …). */
export type ServiceId = string;

/** The reference pages' test AK/SK pair, accepted in signature mode unless others are given. */
export const TEST_CREDENTIALS: readonly AkSkCredential[] = [
  { accessKey: 'AKTESTEXAMPLE0000000', secretKey: 'SKtestexample0000000000000000000000000000' },
];

export interface MockOptions {
  /** Interface to listen on. Default 127.0.0.1. */
  readonly host?: string;
  /** Port per service; 0 picks a free one. Default: the API's `x-hwsec-mock-port` (4010, …). */
  readonly ports?: Partial<Record<ServiceId, number>>;
  /** Which services to start. Default: every API of the registry. */
  readonly services?: readonly ServiceId[];
  /** OpenAPI document per service. Default: the bundles of `@hwsec/spec`. */
  readonly specs?: Partial<Record<ServiceId, string>>;
  /** Generate bodies from the schemas instead of returning the examples. */
  readonly dynamic?: boolean;
  /** Makes dynamic bodies repeatable: the same seed gives the same body for the same request. */
  readonly seed?: string | number;
  /** Check AK/SK signatures against `credentials` (IAM tokens are still accepted unchecked). */
  readonly verifySignatures?: boolean;
  readonly credentials?: readonly AkSkCredential[];
  /** Validating proxy per service: forward there and fail responses that break the spec. */
  readonly proxy?: Partial<Record<ServiceId, string>>;
  /**
   * Simulate the billing flow per project (orders, payments, quotas, subscriptions) and serve the
   * control API under `/_hwsec/`. Valid requests only; Prism still validates every request.
   */
  readonly stateful?: boolean;
  /** Stateful mode's durable copy (implies `stateful`); a file that cannot be read is an error. */
  readonly stateFile?: string;
  /** The mock's clock: the 15-minute X-Sdk-Date window, the AK lock, and stateful periods. */
  readonly now?: () => Date;
  /** Called after every response (the CLI logs with it). */
  readonly onRequest?: (entry: RequestLogEntry) => void;
}

export interface RunningMock {
  /** Base URL per started service, e.g. `{ hss: 'http://127.0.0.1:4010' }`. */
  readonly urls: Readonly<Partial<Record<ServiceId, string>>>;
  /** Stops every server, dropping open keep-alive connections. */
  close(): Promise<void>;
}

export class MockStartError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly service?: ServiceId,
  ) {
    super(message);
    this.name = 'MockStartError';
  }
}

function listen(
  server: Server,
  port: number,
  host: string,
  service: ServiceId,
  title: string,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      const { flag, variable } = portOption(service);
      const hint = `choose another with ${flag} or ${variable}`;
      if (error.code === 'EADDRINUSE') {
        reject(
          new MockStartError(
            `port ${port} on ${host} is already in use (${title} mock); ${hint}`,
            error.code,
            service,
          ),
        );
      } else if (error.code === 'EACCES') {
        reject(
          new MockStartError(
            `no permission to listen on ${host}:${port} (${title} mock); ${hint}`,
            error.code,
            service,
          ),
        );
      } else {
        reject(
          new MockStartError(
            `cannot listen on ${host}:${port} (${title} mock): ${error.message}`,
            error.code ?? 'ELISTEN',
            service,
          ),
        );
      }
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

export async function startMock(options: MockOptions = {}): Promise<RunningMock> {
  const host = options.host ?? '127.0.0.1';
  const registry = readApiRegistry();
  const services = options.services ?? registry.ids;
  const entries = services.map((id) => registry.get(id));
  const seed = options.seed === undefined ? undefined : String(options.seed);
  const credentials = options.credentials ?? TEST_CREDENTIALS;
  const now = options.now ?? (() => new Date());

  const engines = await Promise.all(
    services.map((id) =>
      createPrismEngine({
        document: options.specs?.[id] ?? registry.get(id).files.bundleJson,
        dynamic: options.dynamic ?? false,
        seed,
        upstream: options.proxy?.[id],
      }),
    ),
  );

  const stateful =
    options.stateful || options.stateFile !== undefined
      ? await createStatefulMode({ seed, stateFile: options.stateFile, now })
      : undefined;

  // One gateway in front of every service: an AK locked on one port is locked on all.
  const lockout = new SignatureLockout();
  const servers: Server[] = [];
  const urls: Partial<Record<ServiceId, string>> = {};
  try {
    for (const [index, id] of services.entries()) {
      const proxied = options.proxy?.[id] !== undefined;
      const handler = createServiceHandler({
        service: entries[index]!,
        engine: engines[index]!,
        // In proxy mode the real upstream judges signatures; the mock only checks presence.
        auth: {
          verifySignatures: !proxied && (options.verifySignatures ?? false),
          credentials,
          now,
          lockout,
        },
        onRequest: options.onRequest,
        stateful,
      });
      const server = createServer((request, response) => void handler(request, response));
      server.keepAliveTimeout = 5_000;
      servers.push(server);
      const entry = entries[index]!;
      const port = await listen(
        server,
        options.ports?.[id] ?? entry.mockPort,
        host,
        id,
        entry.name,
      );
      urls[id] = `http://${urlHost(host)}:${port}`;
    }
  } catch (error) {
    await Promise.all(servers.map(closeServer));
    throw error;
  }

  let closing: Promise<void> | undefined;
  return {
    urls,
    close: () => (closing ??= Promise.all(servers.map(closeServer)).then(() => undefined)),
  };
}
