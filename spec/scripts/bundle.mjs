// Bundles each API registered in redocly.yaml into one file, YAML and JSON, in dist/. The
// bundles are what code generation, the mock and the docs consume.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const specDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const distDir = join(specDir, 'dist');
const apis = Object.keys(parse(readFileSync(join(specDir, 'redocly.yaml'), 'utf8')).apis).map(
  (api) => ({ api, config: 'redocly.yaml', out: api }),
);
// The mock's control API has its own config (control/redocly.yaml), so the registry, which reads
// redocly.yaml's apis:, never takes it for a billing API of Huawei Cloud.
apis.push({ api: 'control', config: 'control/redocly.yaml', out: 'control/mock-control' });
const redoclyBin = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');

rmSync(distDir, { recursive: true, force: true });
mkdirSync(join(distDir, 'control'), { recursive: true });
for (const { api, config, out } of apis) {
  const yamlPath = join(distDir, `${out}.yaml`);
  // Redocly's progress lines and its Node 20 deprecation box go to stderr: shown only on failure.
  try {
    execFileSync(
      process.execPath,
      [
        redoclyBin,
        'bundle',
        api,
        '--config',
        config,
        '--output',
        yamlPath,
        '--component-renaming-conflicts-severity',
        'error',
        '--lint-config',
        'error',
      ],
      {
        cwd: specDir,
        stdio: 'pipe',
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      },
    );
  } catch (error) {
    process.stderr.write(String(error.stderr ?? error));
    process.exit(1);
  }
  const document = parse(readFileSync(yamlPath, 'utf8'));
  writeFileSync(join(distDir, `${out}.json`), `${JSON.stringify(document, null, 2)}\n`);
  console.log(
    `bundled ${api}: ${Object.keys(document.paths).length} path(s) -> dist/${out}.yaml, dist/${out}.json`,
  );
}
