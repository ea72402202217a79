#!/usr/bin/env node
/**
 * `pnpm mock` / `hwsec-mock`: starts the mock, prints each service's base URL, logs one line per
 * request, and stops cleanly (exit 0) on SIGINT or SIGTERM. Exit 1: could not start (e.g. a port
 * is taken); exit 2: bad flags or variables.
 */
import { parseCliOptions, USAGE, UsageError } from './cli-options.js';
import { SERVICES, type ServiceId } from './services.js';
import { startMock } from './start-mock.js';

async function main(): Promise<void> {
  let options;
  try {
    options = parseCliOptions(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`hwsec-mock: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return;
  }

  let mock;
  try {
    mock = await startMock({
      ...options.mock,
      ...(!options.quiet && {
        onRequest: (e) =>
          process.stdout.write(
            `${SERVICES[e.service as ServiceId].title} ${e.method} ${e.path} ${e.status} ${e.durationMs.toFixed(1)}ms\n`,
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
  ];
  const lines = Object.entries(mock.urls).map(([id, url]) => {
    const upstream = m.proxy?.[id as ServiceId];
    return `  ${SERVICES[id as ServiceId].title.padEnd(10)} ${url}${upstream ? `  (validating proxy to ${upstream})` : ''}`;
  });
  // performance.now() counts from process start, so this includes Node's boot and all imports.
  process.stdout.write(
    `hwsec-mock ready in ${Math.round(performance.now())} ms: ${modes.join(', ')}\n${lines.join('\n')}\n`,
  );
}

await main();
