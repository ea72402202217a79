// `pnpm site` ends here: serves the built site on 127.0.0.1 until Ctrl-C.
// Port: --port <n> (or --port=<n>), else HWSEC_DOCS_PORT, else @hwsec/spec's DOCS_DEFAULT_PORT
// (the mock allows that origin to call it, for the reference pages' console).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DOCS_DEFAULT_PORT, DOCS_PORT_VARIABLE } from '@hwsec/spec';
import { startStaticServer } from '../src/static-server.mjs';

const root = fileURLToPath(new URL('../dist/', import.meta.url));
// `pnpm run site -- --port 4200`: pnpm 10 passes the `--` on; a leading one ends nothing here.
const argv = process.argv.slice(2);
const { values } = parseArgs({
  args: argv[0] === '--' ? argv.slice(1) : argv,
  options: { port: { type: 'string' } },
});
const rawPort = values.port ?? process.env[DOCS_PORT_VARIABLE] ?? String(DOCS_DEFAULT_PORT);
const port = Number(rawPort);
if (!/^\d+$/.test(rawPort) || port > 65535) {
  console.error(`docs: invalid port "${rawPort}" (use --port <0-65535> or HWSEC_DOCS_PORT)`);
  process.exit(2);
}
if (!existsSync(new URL('../dist/index.html', import.meta.url))) {
  console.error('docs: no built site in apps/docs/dist; run `pnpm site` from the repository root');
  process.exit(1);
}

let site;
try {
  site = await startStaticServer({ root, port });
} catch (error) {
  if (error.code === 'EADDRINUSE') {
    console.error(
      `docs: port ${port} on 127.0.0.1 is already in use; pick another with --port <n> or HWSEC_DOCS_PORT`,
    );
  } else {
    console.error(`docs: cannot listen on 127.0.0.1:${port}: ${error.message}`);
  }
  process.exit(1);
}

// Ctrl-C reaches this process twice under `pnpm site` (from the terminal, and again from pnpm
// passing it on): the first one closes the site, later ones must not kill it half-way.
let closing;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    closing ??= site.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
// Announced only once Ctrl-C is handled: a stop right after this line still closes cleanly.
console.log(`docs: serving the API documentation at ${site.url} (Ctrl-C to stop)`);
