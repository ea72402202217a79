// Bundles each API registered in redocly.yaml into one file, YAML and JSON, in dist/, and once
// more per translation with its overlays applied (dist/<api>.<lang>.yaml and .json). The bundles
// are what code generation, the mock and the docs consume; translations change only human text.
// The mock's control API has its own config (control/redocly.yaml), so the registry, which reads
// redocly.yaml's apis:, never takes it for a billing API of Huawei Cloud.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import {
  bundleFile,
  distDir,
  languages,
  overlayFiles,
  registeredApis,
  specDir,
} from './translations/files.mjs';

const redoclyBin = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');

function bundle({ api, config, overlays = [], yamlPath, jsonPath, label }) {
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
        ...overlays.flatMap((path) => ['--overlay', relative(specDir, path)]),
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
  writeFileSync(jsonPath, `${JSON.stringify(document, null, 2)}\n`);
  console.log(
    `bundled ${label}: ${Object.keys(document.paths).length} path(s) -> dist/${relative(distDir, yamlPath)}, dist/${relative(distDir, jsonPath)}`,
  );
}

rmSync(distDir, { recursive: true, force: true });
mkdirSync(join(distDir, 'control'), { recursive: true });
for (const api of registeredApis()) {
  for (const language of [undefined, ...languages]) {
    const overlays = language ? overlayFiles(api, language).map(({ path }) => path) : [];
    const missing = overlays.filter((path) => !existsSync(path));
    if (missing.length) {
      process.stderr.write(`no ${language} translation of ${api}: create ${missing.join(', ')}\n`);
      process.exit(1);
    }
    bundle({
      api,
      config: 'redocly.yaml',
      overlays,
      yamlPath: bundleFile(api, language, 'yaml'),
      jsonPath: bundleFile(api, language, 'json'),
      label: `${api}${language ? ` (${language})` : ''}`,
    });
  }
}
bundle({
  api: 'control',
  config: 'control/redocly.yaml',
  yamlPath: join(distDir, 'control', 'mock-control.yaml'),
  jsonPath: join(distDir, 'control', 'mock-control.json'),
  label: 'the mock control API',
});
