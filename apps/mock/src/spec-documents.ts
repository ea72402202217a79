/** Finds the bundled OpenAPI document of each service inside the `@hwsec/spec` package. */
import { createRequire } from 'node:module';
import { SERVICES, type ServiceId } from './services.js';

const require = createRequire(import.meta.url);

export function bundledSpecPath(service: ServiceId): string {
  const specExport = SERVICES[service].specExport;
  try {
    return require.resolve(specExport);
  } catch {
    throw new Error(
      `the bundled spec ${specExport} was not found; build it with ` +
        '`pnpm exec turbo run bundle --filter @hwsec/spec` (or run `pnpm mock`, which does)',
    );
  }
}
