/**
 * Command-line flags and HWSEC_MOCK_* environment variables → MockOptions. A flag wins over its
 * variable. The per-service flags come from the `@hwsec/spec` registry. Kept apart from cli.ts so
 * it can be tested without starting anything.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { readApiRegistry } from '@hwsec/spec';
import { portOption, proxyOption } from './service-option-names.js';
import type { MockOptions, ServiceId } from './start-mock.js';

export class UsageError extends Error {}

const line = (left: string, right: string) => `  ${left.padEnd(34)} ${right}`;

export function usage(): string {
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
    line('--verify-signatures', 'check AK/SK signatures [HWSEC_MOCK_VERIFY_SIGNATURES=1]'),
    line('--access-key <ak>', 'test AK accepted in that mode [HWSEC_MOCK_ACCESS_KEY]'),
    line('--secret-key <sk>', 'its SK; prefer the variable [HWSEC_MOCK_SECRET_KEY]'),
    line('', '(default pair: the reference pages’ test AK/SK)'),
    ...apis.map((api) => {
      const { flag, variable } = proxyOption(api.id);
      return line(`${flag} <url>`, `validating proxy to a real ${api.name} [${variable}]`);
    }),
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

type Env = Readonly<Record<string, string | undefined>>;

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
    'access-key': { type: 'string' },
    'secret-key': { type: 'string' },
    quiet: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  };
  for (const id of ids) {
    options[portOption(id).flag.slice(2)] = { type: 'string' };
    options[proxyOption(id).flag.slice(2)] = { type: 'string' };
  }
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ args: [...argv], strict: true, options }) as {
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
  if (stateFile === '') throw new UsageError('--state-file needs a path');

  const mock: MockOptions = {
    host: text('host') ?? env['HWSEC_MOCK_HOST'] ?? '127.0.0.1',
    ports,
    ...(services && { services }),
    dynamic: flag('dynamic') ?? truthy(env['HWSEC_MOCK_DYNAMIC']),
    ...(seed !== undefined && { seed }),
    verifySignatures: flag('verify-signatures') ?? truthy(env['HWSEC_MOCK_VERIFY_SIGNATURES']),
    stateful: (flag('stateful') ?? truthy(env['HWSEC_MOCK_STATEFUL'])) || stateFile !== undefined,
    ...(stateFile !== undefined && { stateFile }),
    ...(accessKey !== undefined &&
      secretKey !== undefined && { credentials: [{ accessKey, secretKey }] }),
    proxy,
  };
  return {
    help: flag('help') ?? false,
    quiet: flag('quiet') ?? truthy(env['HWSEC_MOCK_QUIET']),
    mock,
  };
}
