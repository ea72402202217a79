/**
 * Command-line flags and HWSEC_MOCK_* environment variables → MockOptions. A flag wins over its
 * variable. The per-service flags come from the `@hwsec/spec` registry. Kept apart from cli.ts so
 * it can be tested without starting anything.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { readApiRegistry } from '@hwsec/spec';
import { defaultCorsOrigins, isOrigin } from './cors.js';
import { portOption, proxyOption } from './service-option-names.js';
import type { MockOptions, ServiceId } from './start-mock.js';

export class UsageError extends Error {}

type Env = Readonly<Record<string, string | undefined>>;

const line = (left: string, right: string) => `  ${left.padEnd(34)} ${right}`;

export function usage(env: Env = {}): string {
  const { apis, ids } = readApiRegistry();
  const names = apis.map((api) => api.name);
  return [
    'Usage: hwsec-mock [options]      (pnpm mock)',
    '',
    `Serves the ${names.slice(0, -1).join(', ')}${names.length > 1 ? ' and ' : ''}${names.at(-1)} APIs from their bundled OpenAPI specs with Prism.`,
    '',
    'Options (environment variable in brackets; a flag wins over its variable):',
    line('--host <addr>', 'interface to listen on [HWSEC_MOCK_HOST] (127.0.0.1)'),
    ...apis.map((api, index) => {
      const { flag, variable } = portOption(api.id);
      const note = index === 0 ? `${api.mockPort}; 0 = any free port` : `${api.mockPort}`;
      return line(`${flag} <n>`, `${api.name} port [${variable}] (${note})`);
    }),
    line('--services <list>', `comma-separated subset of ${ids.join(',')} [HWSEC_MOCK_SERVICES]`),
    line('--dynamic', 'generate bodies from schemas, not examples [HWSEC_MOCK_DYNAMIC=1]'),
    line('--seed <value>', 'make dynamic bodies and stateful ids repeatable [HWSEC_MOCK_SEED]'),
    line('--stateful', 'simulate orders, quotas, subscriptions [HWSEC_MOCK_STATEFUL=1]'),
    line(
      '--state-file <path>',
      'keep that state on disk (implies --stateful) [HWSEC_MOCK_STATE_FILE]',
    ),
    line(
      '--order-processing-ms <n>',
      'how long a paid order is processing (3) before it completes (5) [HWSEC_MOCK_ORDER_PROCESSING_MS] (1000)',
    ),
    line('--control-token <t>', 'control API token for other machines [HWSEC_MOCK_CONTROL_TOKEN]'),
    line('', '(bound beyond 127.0.0.1 in stateful mode: a random one is printed)'),
    line('--verify-signatures', 'check AK/SK signatures [HWSEC_MOCK_VERIFY_SIGNATURES=1]'),
    line('--access-key <ak>', 'test AK accepted in that mode [HWSEC_MOCK_ACCESS_KEY]'),
    line('--secret-key <sk>', 'its SK; prefer the variable [HWSEC_MOCK_SECRET_KEY]'),
    line('', '(default pair: the reference pages’ test AK/SK)'),
    ...apis.map((api) => {
      const { flag, variable } = proxyOption(api.id);
      return line(`${flag} <url>`, `validating proxy to a real ${api.name} [${variable}]`);
    }),
    line(
      '--cors-origins <list>',
      `origins browsers may call from, comma-separated; '' for none [HWSEC_MOCK_CORS_ORIGINS] (${defaultCorsOrigins(env).join(',')}, the local docs)`,
    ),
    line('--quiet', 'no per-request log lines [HWSEC_MOCK_QUIET=1]'),
    line('-h, --help', 'show this help'),
    '',
    'Per request: "Prefer: example=<name>", "Prefer: code=<status>", "Prefer: dynamic=true, seed=<s>".',
    '',
  ].join('\n');
}

export interface CliOptions {
  readonly help: boolean;
  readonly quiet: boolean;
  readonly mock: MockOptions;
}

function port(value: string, name: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535)
    throw new UsageError(`${name} must be a port number (0-65535), got "${value}"`);
  return Number(value);
}

function truthy(value: string | undefined): boolean {
  return value !== undefined && /^(1|true|yes|on)$/i.test(value);
}

function url(value: string, name: string): string {
  try {
    const parsed = new URL(value);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error();
    return value;
  } catch {
    throw new UsageError(`${name} must be an http(s) URL, got "${value}"`);
  }
}

export function parseCliOptions(argv: readonly string[], env: Env): CliOptions {
  const ids = readApiRegistry().ids;
  const options: NonNullable<ParseArgsConfig['options']> = {
    host: { type: 'string' },
    services: { type: 'string' },
    dynamic: { type: 'boolean' },
    seed: { type: 'string' },
    'verify-signatures': { type: 'boolean' },
    stateful: { type: 'boolean' },
    'state-file': { type: 'string' },
    'order-processing-ms': { type: 'string' },
    'access-key': { type: 'string' },
    'control-token': { type: 'string' },
    'secret-key': { type: 'string' },
    'cors-origins': { type: 'string' },
    quiet: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  };
  for (const id of ids) {
    options[portOption(id).flag.slice(2)] = { type: 'string' };
    options[proxyOption(id).flag.slice(2)] = { type: 'string' };
  }
  let values: Record<string, string | boolean | undefined>;
  try {
    // `pnpm mock -- --stateful`: pnpm 10 passes the `--` on; a leading one ends nothing here.
    const args = argv[0] === '--' ? argv.slice(1) : [...argv];
    ({ values } = parseArgs({ args, strict: true, options }) as {
      values: Record<string, string | boolean | undefined>;
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const text = (name: string) => values[name] as string | undefined;
  const flag = (name: string) => values[name] as boolean | undefined;

  const ports: Partial<Record<ServiceId, number>> = {};
  const proxy: Partial<Record<ServiceId, string>> = {};
  for (const id of ids) {
    const portNames = portOption(id);
    const portValue = text(portNames.flag.slice(2)) ?? env[portNames.variable];
    if (portValue !== undefined)
      ports[id] = port(portValue, `${portNames.flag} / ${portNames.variable}`);
    const proxyNames = proxyOption(id);
    const upstream = text(proxyNames.flag.slice(2)) ?? env[proxyNames.variable];
    if (upstream) proxy[id] = url(upstream, proxyNames.flag);
  }

  const serviceList = text('services') ?? env['HWSEC_MOCK_SERVICES'];
  let services: ServiceId[] | undefined;
  if (serviceList !== undefined) {
    services = serviceList.split(',').map((s) => s.trim().toLowerCase());
    const unknown = services.filter((s) => !ids.includes(s));
    if (unknown.length > 0 || services.length === 0) {
      throw new UsageError(
        `--services takes a comma-separated subset of ${ids.join(',')}, got "${serviceList}"`,
      );
    }
  }

  const accessKey = text('access-key') ?? env['HWSEC_MOCK_ACCESS_KEY'];
  const secretKey = text('secret-key') ?? env['HWSEC_MOCK_SECRET_KEY'];
  if ((accessKey === undefined) !== (secretKey === undefined)) {
    throw new UsageError(
      'give both an access key and a secret key (--access-key/--secret-key or HWSEC_MOCK_ACCESS_KEY/HWSEC_MOCK_SECRET_KEY)',
    );
  }
  const seed = text('seed') ?? env['HWSEC_MOCK_SEED'];
  const stateFile = text('state-file') ?? (env['HWSEC_MOCK_STATE_FILE'] || undefined);
  const controlToken = text('control-token') ?? (env['HWSEC_MOCK_CONTROL_TOKEN'] || undefined);
  if (controlToken !== undefined && !/^[\x21-\x7e]{16,}$/.test(controlToken))
    throw new UsageError(
      '--control-token / HWSEC_MOCK_CONTROL_TOKEN must be at least 16 visible ASCII characters',
    );
  if (stateFile === '') throw new UsageError('--state-file needs a path');
  const processing = text('order-processing-ms') ?? env['HWSEC_MOCK_ORDER_PROCESSING_MS'];
  if (processing !== undefined && !/^\d{1,9}$/.test(processing))
    throw new UsageError(
      `--order-processing-ms / HWSEC_MOCK_ORDER_PROCESSING_MS takes milliseconds (0 or more), got "${processing}"`,
    );

  const corsList = text('cors-origins') ?? env['HWSEC_MOCK_CORS_ORIGINS'];
  const corsOrigins =
    corsList === undefined
      ? defaultCorsOrigins(env)
      : corsList
          .split(',')
          .map((origin) => origin.trim())
          .filter(Boolean);
  const badOrigin = corsOrigins.find((origin) => !isOrigin(origin));
  if (badOrigin !== undefined)
    throw new UsageError(
      `--cors-origins / HWSEC_MOCK_CORS_ORIGINS takes origins such as http://127.0.0.1:8080 (scheme, host and port only), got "${badOrigin}"`,
    );

  const mock: MockOptions = {
    host: text('host') ?? env['HWSEC_MOCK_HOST'] ?? '127.0.0.1',
    ports,
    ...(services && { services }),
    dynamic: flag('dynamic') ?? truthy(env['HWSEC_MOCK_DYNAMIC']),
    ...(seed !== undefined && { seed }),
    verifySignatures: flag('verify-signatures') ?? truthy(env['HWSEC_MOCK_VERIFY_SIGNATURES']),
    stateful: (flag('stateful') ?? truthy(env['HWSEC_MOCK_STATEFUL'])) || stateFile !== undefined,
    ...(stateFile !== undefined && { stateFile }),
    ...(processing !== undefined && { orderProcessingMs: Number(processing) }),
    ...(controlToken !== undefined && { controlToken }),
    ...(accessKey !== undefined &&
      secretKey !== undefined && { credentials: [{ accessKey, secretKey }] }),
    proxy,
    corsOrigins,
  };
  return {
    help: flag('help') ?? false,
    quiet: flag('quiet') ?? truthy(env['HWSEC_MOCK_QUIET']),
    mock,
  };
}
