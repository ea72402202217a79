/**
 * Command-line flags and HWSEC_MOCK_* environment variables → MockOptions. A flag wins over its
 * variable. Kept apart from cli.ts so it can be tested without starting anything.
 */
import { parseArgs } from 'node:util';
import type { MockOptions } from './start-mock.js';
import { SERVICE_IDS, type ServiceId } from './services.js';

export class UsageError extends Error {}

export const USAGE = `Usage: hwsec-mock [options]      (pnpm mock)

Serves the HSS, DSC and SecMaster APIs from their bundled OpenAPI specs with Prism.

Options (environment variable in brackets; a flag wins over its variable):
  --host <addr>                   interface to listen on [HWSEC_MOCK_HOST] (127.0.0.1)
  --hss-port <n>                  HSS port [HWSEC_MOCK_HSS_PORT] (4010; 0 = any free port)
  --dsc-port <n>                  DSC port [HWSEC_MOCK_DSC_PORT] (4020)
  --secmaster-port <n>            SecMaster port [HWSEC_MOCK_SECMASTER_PORT] (4030)
  --services <list>               comma-separated subset of hss,dsc,secmaster [HWSEC_MOCK_SERVICES]
  --dynamic                       generate bodies from schemas, not examples [HWSEC_MOCK_DYNAMIC=1]
  --seed <value>                  make dynamic bodies repeatable [HWSEC_MOCK_SEED]
  --verify-signatures             check AK/SK signatures [HWSEC_MOCK_VERIFY_SIGNATURES=1]
  --access-key <ak>               test AK accepted in that mode [HWSEC_MOCK_ACCESS_KEY]
  --secret-key <sk>               its SK; prefer the variable [HWSEC_MOCK_SECRET_KEY]
                                  (default pair: the api-reference test vectors' AK/SK)
  --proxy-upstream-hss <url>      validating proxy to a real HSS [HWSEC_MOCK_PROXY_UPSTREAM_HSS]
  --proxy-upstream-dsc <url>      ... DSC [HWSEC_MOCK_PROXY_UPSTREAM_DSC]
  --proxy-upstream-secmaster <url> ... SecMaster [HWSEC_MOCK_PROXY_UPSTREAM_SECMASTER]
  --quiet                         no per-request log lines [HWSEC_MOCK_QUIET=1]
  -h, --help                      show this help

Per request: "Prefer: example=<name>", "Prefer: code=<status>", "Prefer: dynamic=true, seed=<s>".
`;

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
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        host: { type: 'string' },
        'hss-port': { type: 'string' },
        'dsc-port': { type: 'string' },
        'secmaster-port': { type: 'string' },
        services: { type: 'string' },
        dynamic: { type: 'boolean' },
        seed: { type: 'string' },
        'verify-signatures': { type: 'boolean' },
        'access-key': { type: 'string' },
        'secret-key': { type: 'string' },
        'proxy-upstream-hss': { type: 'string' },
        'proxy-upstream-dsc': { type: 'string' },
        'proxy-upstream-secmaster': { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }

  const ports: Partial<Record<ServiceId, number>> = {};
  const proxy: Partial<Record<ServiceId, string>> = {};
  for (const id of SERVICE_IDS) {
    const envName = `HWSEC_MOCK_${id.toUpperCase()}`;
    const portValue = values[`${id}-port`] ?? env[`${envName}_PORT`];
    if (portValue !== undefined) ports[id] = port(portValue, `--${id}-port / ${envName}_PORT`);
    const upstream =
      values[`proxy-upstream-${id}`] ?? env[`HWSEC_MOCK_PROXY_UPSTREAM_${id.toUpperCase()}`];
    if (upstream) proxy[id] = url(upstream, `--proxy-upstream-${id}`);
  }

  const serviceList = values.services ?? env['HWSEC_MOCK_SERVICES'];
  let services: ServiceId[] | undefined;
  if (serviceList !== undefined) {
    services = serviceList.split(',').map((s) => s.trim().toLowerCase()) as ServiceId[];
    const unknown = services.filter((s) => !SERVICE_IDS.includes(s));
    if (unknown.length > 0 || services.length === 0) {
      throw new UsageError(
        `--services takes a comma-separated subset of ${SERVICE_IDS.join(',')}, got "${serviceList}"`,
      );
    }
  }

  const accessKey = values['access-key'] ?? env['HWSEC_MOCK_ACCESS_KEY'];
  const secretKey = values['secret-key'] ?? env['HWSEC_MOCK_SECRET_KEY'];
  if ((accessKey === undefined) !== (secretKey === undefined)) {
    throw new UsageError(
      'give both an access key and a secret key (--access-key/--secret-key or HWSEC_MOCK_ACCESS_KEY/HWSEC_MOCK_SECRET_KEY)',
    );
  }
  const seed = values.seed ?? env['HWSEC_MOCK_SEED'];

  const mock: MockOptions = {
    host: values.host ?? env['HWSEC_MOCK_HOST'] ?? '127.0.0.1',
    ports,
    ...(services && { services }),
    dynamic: values.dynamic ?? truthy(env['HWSEC_MOCK_DYNAMIC']),
    ...(seed !== undefined && { seed }),
    verifySignatures: values['verify-signatures'] ?? truthy(env['HWSEC_MOCK_VERIFY_SIGNATURES']),
    ...(accessKey !== undefined &&
      secretKey !== undefined && { credentials: [{ accessKey, secretKey }] }),
    proxy,
  };
  return {
    help: values.help ?? false,
    quiet: values.quiet ?? truthy(env['HWSEC_MOCK_QUIET']),
    mock,
  };
}
