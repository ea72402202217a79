#!/usr/bin/env node
/**
 * `pnpm mock` / `hwsec-mock`: starts the mock, prints each service's base URL, logs one line per
 * request, and stops cleanly (exit 0) on SIGINT or SIGTERM. Exit 1: could not start (e.g. a port
 * is taken); exit 2: bad flags or variables.
 */
import { readApiRegistry } from '@hwsec/spec';
import { parseCliOptions, usage, UsageError } from './cli-options.js';
import { startMock } from './start-mock.js';

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
    process.stderr.write(`hwsec-mock: ${error.message}\n\n${usage()}`);
    process.exit(2);
  }
  if (options.help) {
    process.stdout.write(usage());
    return;
  }
  const nameOf = (id: string) => registry.get(id).name;

  let mock;
  try {
    mock = await startMock({
      ...options.mock,
      ...(!options.quiet && {
        onRequest: (e) =>
          process.stdout.write(
            `${nameOf(e.service)} ${e.method} ${e.path} ${e.status} ${e.durationMs.toFixed(1)}ms\n`,
          ),
      }),
    });
  } catch (error) {
    process.stderr.write(`hwsec-mock: ${(error as Error).message}\n`);
    process.exit(1);
  }

  // Handlers first: whoever reads the ready line may signal us at once.
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130); // a second Ctrl-C does not wait
    stopping = true;
    process.stdout.write(`hwsec-mock: ${signal} received, stopping\n`);
    void mock.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

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
  const lines = Object.entries(mock.urls).map(([id, url]) => {
    const upstream = m.proxy?.[id];
    return `  ${nameOf(id).padEnd(10)} ${url}${upstream ? `  (validating proxy to ${upstream})` : ''}`;
  });
  // performance.now() counts from process start, so this includes Node's boot and all imports.
  process.stdout.write(
    `hwsec-mock ready in ${Math.round(performance.now())} ms: ${modes.join(', ')}\n${lines.join('\n')}\n`,
  );
}

await main();
