// Adding an API is one folder under spec/openapi/<api>/ plus its `apis:` entry in
// spec/redocly.yaml, and nothing else: proven on a copy of the workspace (every file git knows
// of, the installed node_modules linked, not reinstalled), where HSS's folder is copied as a fifth
// API with its own id, name and port and no client, registered with one line, and the real build
// runs: turbo bundles and lints the spec and builds everything the mock, the docs (both
// languages) and the contract suite need. Then the built mock serves the new API beside the
// others, the docs have its pages in every language, and the contract suite derives its cases,
// which the mock rejects as the service would.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readApiRegistry } from '@hwsec/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const API = { id: 'demo', name: 'Demo', title: 'Demo Security Service', port: 4090 };
/** The packages whose build reads the registry, and so must take in the new API. */
const CONSUMERS = ['@hwsec/spec', '@hwsec/mock', '@hwsec/docs', '@hwsec/contract-tests'];

/** The workspace's folders that hold a package (for their node_modules). */
function workspaceDirs(): string[] {
  const dirs = ['.'];
  for (const parent of ['packages', 'apps', 'tools'])
    for (const entry of readdirSync(join(REPO, parent), { withFileTypes: true }))
      if (entry.isDirectory()) dirs.push(join(parent, entry.name));
  return [...dirs, 'spec'];
}

/**
 * Every file git tracks or would add (no build output), and each package's node_modules as the
 * links pnpm made: a dependency resolves to the installed store, a workspace package to its copy.
 */
function copyWorkspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'hwsec-adding-an-api-'));
  const files = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: REPO,
      encoding: 'utf8',
    },
  )
    .split('\0')
    .filter((file) => file !== '' && existsSync(join(REPO, file)));
  for (const file of files) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    cpSync(join(REPO, file), join(root, file));
  }
  for (const dir of workspaceDirs()) {
    const modules = join(REPO, dir, 'node_modules');
    if (!existsSync(modules)) continue;
    if (dir === '.') {
      symlinkSync(modules, join(root, 'node_modules'));
      continue;
    }
    // Caches of vite/vitest are not dependencies.
    cpSync(modules, join(root, dir, 'node_modules'), {
      recursive: true,
      verbatimSymlinks: true,
      filter: (source) => !/[\\/]\.vite(-temp)?$/.test(source),
    });
  }
  return root;
}

/** The two steps of adding an API: its folder (HSS's, renamed), and its entry under `apis:`. */
function addApi(root: string): void {
  const folder = join(root, 'spec', 'openapi', API.id);
  cpSync(join(root, 'spec', 'openapi', 'hss'), folder, { recursive: true });
  const rootDocument = join(folder, 'openapi.yaml');
  const text = readFileSync(rootDocument, 'utf8')
    .replace(/^x-hwsec-name: .*$/m, `x-hwsec-name: ${API.name}`)
    .replace(/^x-hwsec-title: .*$/m, `x-hwsec-title: ${API.title}`)
    .replace(/^x-hwsec-mock-port: .*$/m, `x-hwsec-mock-port: ${API.port}`)
    // No client: the x-hwsec-client block goes.
    .replace(/^x-hwsec-client:\n(?: {2}.*\n)+/m, '');
  expect(text).not.toContain('x-hwsec-client');
  writeFileSync(rootDocument, text);
  const config = join(root, 'spec', 'redocly.yaml');
  writeFileSync(
    config,
    readFileSync(config, 'utf8').replace(
      /^apis:\n/m,
      `apis:\n  ${API.id}:\n    root: openapi/${API.id}/openapi.yaml\n`,
    ),
  );
}

/**
 * The workspace's turbo cache (a git worktree shares its main checkout's), read but never written
 * by the copy: what the new API does not change (core, the test tools) is restored from it.
 */
function workspaceCache(): string {
  const gitDir = execFileSync('git', ['rev-parse', '--path-format=absolute', '--git-common-dir'], {
    cwd: REPO,
    encoding: 'utf8',
  }).trim();
  return join(dirname(gitDir), '.turbo', 'cache');
}

/** The real build of everything that reads the registry, and the spec's lint, by turbo. */
function build(root: string): void {
  const filters = CONSUMERS.map((name) => `--filter=${name}`);
  const cache = [`--cache-dir=${workspaceCache()}`, '--cache=local:r'];
  try {
    const out = execFileSync(
      join(root, 'node_modules', '.bin', 'turbo'),
      ['run', 'bundle', 'lint', 'build', ...filters, '--output-logs=errors-only', ...cache],
      {
        cwd: root,
        encoding: 'utf8',
        stdio: 'pipe',
        env: {
          ...process.env,
          TURBO_TELEMETRY_DISABLED: '1',
          DO_NOT_TRACK: '1',
          REDOCLY_TELEMETRY: 'off',
        },
      },
    );
    // Which tasks ran and which came from the workspace's cache: the cost of this test.
    console.log(`adding an API, the build on the copy: ${out.match(/Cached:.*$/m)?.[0] ?? out}`);
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`the build failed on the copy:\n${stdout ?? ''}\n${stderr ?? ''}`);
  }
}

function runNode(cwd: string, source: string): unknown {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', source], {
    cwd,
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').at(-1)!);
}

function startMockCli(root: string, ids: readonly string[]) {
  const ports = ids.flatMap((id) => [`--${id}-port`, '0']);
  const child = spawn(
    process.execPath,
    [join(root, 'apps', 'mock', 'dist', 'cli.js'), ...ports, '--quiet'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const ready = new Promise<Record<string, string>>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const urls = Object.fromEntries(
        [...out.matchAll(/^ {2}(\S+)\s+(http:\/\/\S+)/gm)].map((m) => [m[1]!, m[2]!]),
      );
      if (Object.keys(urls).length === ids.length) resolve(urls);
    });
    child.once('exit', (code) => reject(new Error(`mock exited with ${code}: ${err}`)));
  });
  return { child, ready };
}

describe('adding an API: a folder and an apis: entry, then the real build, no other file edited', () => {
  let root: string;
  let mock: ChildProcess | undefined;
  let urls: Record<string, string>;
  const before = readApiRegistry();

  beforeAll(async () => {
    root = copyWorkspace();
    addApi(root);
    build(root);
    const started = startMockCli(root, readApiRegistry(join(root, 'spec')).ids);
    mock = started.child;
    urls = await started.ready;
    // About 2.5 min of CPU; on two cores shared with the rest of `pnpm test` it has taken 15 min.
  }, 1_800_000);
  afterAll(() => {
    mock?.kill('SIGTERM');
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('the spec bundles and lints it, and the registry knows it, with facts from its x-hwsec-*', () => {
    const registry = readApiRegistry(join(root, 'spec'));
    expect(registry.ids).toEqual([API.id, ...before.ids]);
    expect(registry.get(API.id)).toMatchObject({
      name: API.name,
      title: API.title,
      mockPort: API.port,
      client: undefined,
      errors: before.get('hss').errors,
    });
  });

  it('the docs build its reference page in every language, with curl samples only, and list it', () => {
    const dist = join(root, 'apps', 'docs', 'dist');
    const hssBundle = JSON.parse(readFileSync(before.get('hss').files.bundleJson, 'utf8'));
    const operationIds = Object.values<Record<string, { operationId: string }>>(hssBundle.paths)
      .flatMap((item) => Object.values(item))
      .map((operation) => operation.operationId)
      .filter(Boolean);
    for (const folder of ['', 'zh-CN']) {
      const page = readFileSync(join(dist, folder, `${API.id}.html`), 'utf8');
      for (const operationId of operationIds)
        expect(page, `${folder} ${API.id}`).toContain(operationId);
      expect(page).toContain('"lang":"Shell"');
      expect(page).not.toContain('"lang":"TypeScript"');
      // The Try it console covers every operation, with no client to lean on.
      const tryIt = JSON.parse(
        /<script type="application\/json" id="hwsec-try-data">(.*?)<\/script>/s.exec(page)![1]!,
      );
      expect(tryIt.operations.map((op: { operationId: string }) => op.operationId).sort()).toEqual(
        [...operationIds].sort(),
      );
      expect(tryIt.service).toMatchObject({
        id: API.id,
        mockUrl: `http://127.0.0.1:${API.port}`,
      });
      expect(tryIt.service.client).toBeUndefined();
      const landing = readFileSync(join(dist, folder, 'index.html'), 'utf8');
      expect(landing).toContain(`href="${API.id}.html"`);
      expect(landing).toContain(`HWSEC_DEMO_BASE_URL=http://127.0.0.1:${API.port}`);
    }
  });

  it('the mock serves it beside the others, with its documented answers and its own error code', async () => {
    expect(Object.keys(urls)).toEqual([API.name, ...before.apis.map((api) => api.name)]);
    const quotas = `${urls[API.name]}/v5/0123456789abcdef0123456789abcdef/billing/quotas`;
    const read = await fetch(quotas, { headers: { 'X-Auth-Token': 't' } });
    expect(read.status).toBe(200);
    const bad = await fetch(`${quotas}?version=hss.version.nope`, {
      headers: { 'X-Auth-Token': 't' },
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error_code: before.get('hss').errors.invalidParameter.code,
    });
  });

  it('the contract suite derives its cases, and the mock rejects every one as the service would', () => {
    const dist = (file: string) =>
      JSON.stringify(pathToFileURL(join(root, 'apps/contract-tests/dist', file)).href);
    const report = runNode(
      join(root, 'apps', 'contract-tests'),
      `const { operationsOf } = await import(${dist('operation-model.js')});
       const { constraintCases } = await import(${dist('constraint-cases.js')});
       const { rejectionProblem } = await import(${dist('rejection.js')});
       const { send, toWire } = await import(${dist('request-input.js')});
       const report = { operations: [], cases: 0, problems: [] };
       for (const operation of operationsOf(${JSON.stringify(API.id)})) {
         report.operations.push(operation.operationId);
         for (const c of constraintCases(operation)) {
           report.cases++;
           const response = await send(toWire(operation, c.input, ${JSON.stringify(urls[API.name])}, { 'X-Auth-Token': 't' }));
           const problem = rejectionProblem(operation, response, c);
           if (problem) report.problems.push(c.field + ': ' + problem);
         }
       }
       console.log(JSON.stringify(report));`,
    ) as { operations: string[]; cases: number; problems: string[] };
    expect(report.operations).toEqual(['CreateQuotasOrder', 'ShowResourceQuotas']);
    expect(report.cases).toBeGreaterThanOrEqual(10);
    expect(report.problems).toEqual([]);
  });
});
