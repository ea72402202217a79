// `pnpm docs` ends here: serves the built site on 127.0.0.1 until Ctrl-C.
// Port: --port <n> (or --port=<n>), else HWSEC_DOCS_PORT, else 4000.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startStaticServer } from '../src/static-server.mjs';

const root = fileURLToPath(new URL('../dist/', import.meta.url));
const { values } = parseArgs({ options: { port: { type: 'string' } } });
const rawPort = values.port ?? process.env.HWSEC_DOCS_PORT ?? '4000';
const port = Number(rawPort);
if (!/^\d+$/.test(rawPort) || port > 65535) {
  console.error(`docs: invalid port "${rawPort}" (use --port <0-65535> or HWSEC_DOCS_PORT)`);
  process.exit(2);
}
if (!existsSync(new URL('../dist/index.html', import.meta.url))) {
  console.error('docs: no built site in apps/docs/dist; run `pnpm docs` from the repository root');
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
console.log(`docs: serving the API documentation at ${site.url} (Ctrl-C to stop)`);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    site.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
