#!/usr/bin/env node
/**
 * `pnpm mock` / `hwsec-mock`: starts the mock, prints each service's base URL, logs one line per
 * request, and stops cleanly (exit 0) on SIGINT or SIGTERM, after answering the requests in flight
 * (a second signal exits at once, 130; see stop-signals.ts for what counts as a second one).
 * Exit 1: could not start (e.g. a port is taken, the state file is in use); exit 2: bad flags or
 * variables.
 */
import { readApiRegistry } from '@hwsec/spec';
import { parseCliOptions, usage, UsageError } from './cli-options.js';
import { startMock, TEST_CREDENTIALS } from './start-mock.js';
import { onStopSignals } from './stop-signals.js';

/** How long a stop waits for the requests in flight. */
const STOP_GRACE_MS = 10_000;

async function main(): Promise<void> {
  let options;
  let registry;
  try {
    registry = readApiRegistry();
    options = parseCliOptions(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) {
      // e.g. the bundles are not built yet: the registry's message says how to build them.
      process.stderr.write(`hwsec-mock: ${(error as Error).message}\n`);
      process.exit(1);
    }
    process.stderr.write(`hwsec-mock: ${error.message}\n\n${usage(process.env)}`);
    process.exit(2);
  }
  if (options.help) {
    process.stdout.write(usage(process.env));
    return;
  }
  const nameOf = (id: string) => registry.get(id).name;

  let mock;
  try {
    mock = await startMock({
      ...options.mock,
      onNotice: (message) => process.stderr.write(`hwsec-mock: ${message}\n`),
      ...(!options.quiet && {
        onRequest: (e) =>
          process.stdout.write(
            `${nameOf(e.service)} ${e.method} ${e.path} ${e.fault === undefined ? e.status : `fault ${e.fault}`} ${e.durationMs.toFixed(1)}ms\n`,
          ),
      }),
    });
  } catch (error) {
    process.stderr.write(`hwsec-mock: ${(error as Error).message}\n`);
    process.exit(1);
  }

  // Handlers first: whoever reads the ready line may signal us at once. A clean stop stops
  // accepting and lets the requests in flight be answered (at most STOP_GRACE_MS).
  onStopSignals({
    stopCleanly: (signal) => {
      process.stdout.write(
        `hwsec-mock: ${signal} received, stopping (answering the requests in flight; Ctrl-C again stops at once)\n`,
      );
      void mock.stop(STOP_GRACE_MS).then(() => process.exit(0));
    },
    stopAtOnce: () => process.exit(130),
  });

  const { mock: m } = options;
  const modes = [
    m.dynamic
      ? `dynamic bodies${m.seed !== undefined ? ` (seed ${m.seed})` : ''}`
      : 'example bodies',
    m.verifySignatures ? 'AK/SK signatures verified' : 'signatures not verified',
    ...(m.stateful
      ? [
          `stateful${m.stateFile ? ` (state file ${m.stateFile})` : ' (in memory)'}, control API at /_hwsec/`,
        ]
      : []),
  ];
  // Which AK signature mode accepts and where its SK comes from; the SK itself is never printed.
  const keys = m.verifySignatures
    ? [
        `  AK/SK      accepts AK ${(m.credentials ?? TEST_CREDENTIALS)[0]!.accessKey}; its SK from ${
          process.argv.some((a) => a === '--secret-key' || a.startsWith('--secret-key='))
            ? '--secret-key'
            : m.credentials
              ? 'HWSEC_MOCK_SECRET_KEY'
              : 'the default test pair (the README’s HUAWEICLOUD_SDK_AK/SK)'
        }`,
      ]
    : [];
  const lines = Object.entries(mock.urls).map(([id, url]) => {
    const upstream = m.proxy?.[id];
    return `  ${nameOf(id).padEnd(10)} ${url}${upstream ? `  (validating proxy to ${upstream})` : ''}`;
  });
  if (mock.exposed)
    process.stderr.write(
      `hwsec-mock: warning: listening on ${m.host}, reachable from other machines; the mock checks no real credentials${
        mock.controlToken !== undefined
          ? ', and its control API (which can reset every project) needs a token from them'
          : ''
      }\n`,
    );
  // Printed once, here; given by the user, it is not printed at all.
  const tokenLine =
    mock.controlToken === undefined
      ? ''
      : m.controlToken === undefined
        ? `  control API token (other machines send "Authorization: Bearer <token>"): ${mock.controlToken}\n`
        : '  control API token: the one given with --control-token / HWSEC_MOCK_CONTROL_TOKEN\n';
  // performance.now() counts from process start, so this includes Node's boot and all imports.
  process.stdout.write(
    `hwsec-mock ready in ${Math.round(performance.now())} ms: ${modes.join(', ')}\n${[...lines, ...keys].join('\n')}\n${tokenLine}`,
  );
}

await main();
