/**
 * Starts one HTTP server per service in this process and returns their base URLs. Used by the
 * CLI, the contract tests and the benchmarks, so it never prints and never exits the process.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import { readApiRegistry, type ApiRegistry } from '@hwsec/spec';
import type { AkSkCredential } from './aksk-verifier.js';
import { FaultInjection } from './fault-injection.js';
import { portOption } from './service-option-names.js';
import { corsPolicy, defaultCorsOrigins } from './cors.js';
import type { RequestLogEntry } from './service-handler.js';
import { isLoopbackHost, newControlToken } from './stateful/control-access.js';
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
  /**
   * Stateful mode: how long a paid order stays processing (BSS status 3) before it completes (5),
   * in ms of the mock's clock; 0 completes it at once. Default about a second.
   */
  readonly orderProcessingMs?: number;
  /**
   * The control API's token for requests from other machines. Bound to anything but loopback in
   * stateful mode, a random one is made when none is given (`RunningMock.controlToken`).
   */
  readonly controlToken?: string;
  /** The mock's clock: the 15-minute X-Sdk-Date window, the AK lock, and stateful periods. */
  readonly now?: () => Date;
  /**
   * Called with what the user should know but that does not stop the start (a stale lock taken
   * over, an unfinished last write dropped, a failed compaction). The CLI prints it on stderr.
   */
  readonly onNotice?: (message: string) => void;
  /**
   * Origins whose pages may call the mock from a browser (CORS, preflight included); [] for none.
   * Default: the local docs site on its default port (the CLI follows `HWSEC_DOCS_PORT`).
   */
  readonly corsOrigins?: readonly string[];
  /** Called after every response (the CLI logs with it). */
  readonly onRequest?: (entry: RequestLogEntry) => void;
}

export interface RunningMock {
  /** Base URL per started service, e.g. `{ hss: 'http://127.0.0.1:4010' }`. */
  readonly urls: Readonly<Partial<Record<ServiceId, string>>>;
  /**
   * Bound beyond loopback in stateful mode: the token other machines need for the control API
   * (the one given, or a random one). Undefined on loopback, where none is needed.
   */
  readonly controlToken?: string;
  /** Whether the mock listens on more than this machine's loopback. */
  readonly exposed: boolean;
  /** Stops every server, dropping open keep-alive connections. */
  close(): Promise<void>;
  /**
   * Stops accepting, lets requests in flight finish and be answered (at most `graceMs`, default
   * 10 s), then closes everything like `close()`.
   */
  stop(graceMs?: number): Promise<void>;
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

/**
 * Stops accepting, lets the requests in flight finish (each connection is closed once its
 * response is sent), and after `graceMs` closes whatever is still open.
 */
function drainServer(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    const timer = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
    // A keep-alive connection becomes idle once its response is out: closed then.
    server.on('request', (_request, response: ServerResponse) => {
      response.shouldKeepAlive = false;
    });
    for (const response of inFlight.get(server) ?? [])
      response.once('finish', () => setImmediate(() => server.closeIdleConnections()));
  });
}

/** Responses not yet finished, per server (what a graceful stop waits for). */
const inFlight = new WeakMap<Server, Set<ServerResponse>>();

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

/**
 * Prism's engine of each service, and the handler in front of them. Prism's modules (about half
 * of a start's CPU time) are imported only here, after the state file was read, so a refused
 * file costs no more than Node's start and the file's own check. prism-engine.js first: it
 * defers Prism's unused dependencies (lazy-modules.ts) before anything loads Prism.
 */
async function loadPrism(
  registry: ApiRegistry,
  services: readonly ServiceId[],
  options: MockOptions,
  seed?: string,
) {
  const { createPrismEngine } = await import('./prism-engine.js');
  const { createServiceHandler } = await import('./service-handler.js');
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
  return { createServiceHandler, engines };
}

export async function startMock(options: MockOptions = {}): Promise<RunningMock> {
  const host = options.host ?? '127.0.0.1';
  const registry = readApiRegistry();
  const services = options.services ?? registry.ids;
  const entries = services.map((id) => registry.get(id));
  const seed = options.seed === undefined ? undefined : String(options.seed);
  const credentials = options.credentials ?? TEST_CREDENTIALS;
  const now = options.now ?? (() => new Date());

  // The state file first: a file it refuses stops the mock before the costly load of the specs.
  const stateful =
    options.stateful || options.stateFile !== undefined
      ? await createStatefulMode({
          seed,
          stateFile: options.stateFile,
          processingMs: options.orderProcessingMs,
          now,
          notice: options.onNotice,
        })
      : undefined;

  const { createServiceHandler, engines } = await loadPrism(
    registry,
    services,
    options,
    seed,
  ).catch(async (error: unknown) => {
    await stateful?.close();
    throw error;
  });

  const exposed = !isLoopbackHost(host);
  const controlToken =
    stateful && exposed ? (options.controlToken ?? newControlToken()) : undefined;

  // One gateway in front of every service: an AK locked on one port is locked on all, and a
  // fault armed on one port hits requests on any.
  const lockout = new SignatureLockout();
  const faults = new FaultInjection(
    new Map(services.map((id, index) => [id, engines[index]!.operations])),
  );
  // One list for every port: a header parameter of any served operation may be sent.
  const cors = corsPolicy(
    options.corsOrigins ?? defaultCorsOrigins({}),
    engines.flatMap((engine) =>
      engine.operations.flatMap((operation) =>
        (operation.request?.headers ?? []).map((header) => header.name),
      ),
    ),
  );
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
        controlToken,
        faults,
        cors,
      });
      const open = new Set<ServerResponse>();
      const server = createServer((request, response) => {
        open.add(response);
        response.once('close', () => open.delete(response));
        void handler(request, response);
      });
      inFlight.set(server, open);
      // The client closes an idle connection, not the mock. Node's fetch keeps a socket for the
      // server's advertised timeout less 1 s; a mock closing at 5 s raced a client whose event
      // loop ran a second late, which then saw ECONNRESET on a request (an order) the mock may
      // or may not have read.
      server.keepAliveTimeout = 60_000;
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
    await stateful?.close();
    throw error;
  }

  let closing: Promise<void> | undefined;
  return {
    urls,
    ...(controlToken !== undefined && { controlToken }),
    exposed,
    close: () => {
      faults.endStalls();
      return (closing ??= Promise.all(servers.map(closeServer)).then(() => stateful?.close()));
    },
    // A stalled answer is no request in flight: it would hold the stop for the whole grace.
    stop: (graceMs = 10_000) => {
      faults.endStalls();
      return (closing ??= Promise.all(servers.map((server) => drainServer(server, graceMs))).then(
        () => stateful?.close(),
      ));
    },
  };
}
