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
    const files = language ? overlayFiles(api, language) : [];
    const missing = files.filter(({ path }) => !existsSync(path));
    if (missing.some(({ shared }) => shared)) {
      process.stderr.write(`no shared ${language} translation: create ${missing[0].path}\n`);
      process.exit(1);
    }
    if (missing.length) {
      // A new API is bundled (and served, listed, tested) before it is translated; the spec's
      // translation tests fail until this file exists, naming it.
      console.log(
        `no ${language} translation of ${api} yet: create ${relative(specDir, missing[0].path)}`,
      );
      continue;
    }
    const overlays = files.map(({ path }) => path);
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
