// Adding an API is one folder under spec/openapi/<api>/ plus its `apis:` entry in
// spec/redocly.yaml: proven in a temporary copy of the repository (the spec and the built mock,
// contract suite and docs' service list, their dependencies linked), where a fixture API is
// added and then bundled by the spec's own bundle script, served by the real mock process, listed
// by the docs and given contract cases that the mock rejects as the service would. No app is
// edited on the way.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readApiRegistry } from '@hwsec/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURE = fileURLToPath(new URL('./fixtures/fixture-api/openapi.yaml', import.meta.url));

/** `node_modules` of a copied package: links to the real entries, `@hwsec/*` to the copies. */
function linkModules(from: string, to: string, hwsec: Record<string, string>): void {
  mkdirSync(join(to, '@hwsec'), { recursive: true });
  for (const entry of readdirSync(from)) {
    if (entry !== '@hwsec' && entry !== '.bin') symlinkSync(join(from, entry), join(to, entry));
  }
  for (const entry of readdirSync(join(from, '@hwsec')))
    symlinkSync(hwsec[entry] ?? join(from, '@hwsec', entry), join(to, '@hwsec', entry));
}

function copyRepo(): string {
  const root = mkdtempSync(join(tmpdir(), 'hwsec-adding-an-api-'));
  const spec = join(root, 'spec');
  for (const part of [
    'openapi',
    'overlays',
    'control',
    'scripts',
    'lib',
    'redocly.yaml',
    'package.json',
  ])
    cpSync(join(REPO, 'spec', part), join(spec, part), { recursive: true });
  symlinkSync(join(REPO, 'spec', 'node_modules'), join(spec, 'node_modules'));
  const copies = { spec, mock: join(root, 'apps', 'mock') };
  for (const [app, parts] of [
    ['mock', ['dist', 'package.json']],
    ['contract-tests', ['dist', 'package.json']],
    ['docs', ['src/services.mjs', 'package.json']],
  ] as const) {
    for (const part of parts)
      cpSync(join(REPO, 'apps', app, part), join(root, 'apps', app, part), { recursive: true });
    linkModules(
      join(REPO, 'apps', app, 'node_modules'),
      join(root, 'apps', app, 'node_modules'),
      copies,
    );
  }
  return root;
}

/** The two steps of adding an API: its folder, and its entry under `apis:`. */
function addFixtureApi(root: string): void {
  mkdirSync(join(root, 'spec', 'openapi', 'fixture'));
  cpSync(FIXTURE, join(root, 'spec', 'openapi', 'fixture', 'openapi.yaml'));
  const config = join(root, 'spec', 'redocly.yaml');
  const text = readFileSync(config, 'utf8');
  writeFileSync(
    config,
    text.replace(/^apis:\n/m, 'apis:\n  fixture:\n    root: openapi/fixture/openapi.yaml\n'),
  );
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

describe('adding an API: a folder and an apis: entry, no app edited', () => {
  let root: string;
  let mock: ChildProcess | undefined;
  let urls: Record<string, string>;
  beforeAll(async () => {
    root = copyRepo();
    addFixtureApi(root);
    execFileSync(process.execPath, [join(root, 'spec', 'scripts', 'bundle.mjs')], {
      stdio: 'pipe',
    });
    const started = startMockCli(root, readApiRegistry(join(root, 'spec')).ids);
    mock = started.child;
    urls = await started.ready;
  }, 120_000);
  afterAll(() => {
    mock?.kill('SIGTERM');
    rmSync(root, { recursive: true, force: true });
  });

  it('the spec bundles it and the registry knows it, with facts from its x-hwsec-* and 400 example', () => {
    const registry = readApiRegistry(join(root, 'spec'));
    expect(registry.ids).toEqual(['fixture', 'hss', 'dsc', 'secmaster']);
    expect(registry.get('fixture')).toMatchObject({
      name: 'Fixture',
      mockPort: 4090,
      client: undefined,
      errors: { invalidParameter: { code: 'FIX.0400', message: 'Widget parameter invalid' } },
    });
  });

  it('the docs list it among the services', () => {
    const services = runNode(
      join(root, 'apps', 'docs'),
      `const { services } = await import(${JSON.stringify(pathToFileURL(join(root, 'apps/docs/src/services.mjs')).href)});
       console.log(JSON.stringify(services));`,
    ) as Array<{ id: string; mockPort: number }>;
    expect(services.map((s) => [s.id, s.mockPort])).toContainEqual(['fixture', 4090]);
  });

  it('the mock serves it beside the others, with its documented answers and its own error code', async () => {
    expect(Object.keys(urls)).toEqual(['Fixture', 'HSS', 'DSC', 'SecMaster']);
    const widgets = `${urls['Fixture']}/v2/0123456789abcdef0123456789abcdef/widgets`;
    const read = await fetch(`${widgets}?limit=10`, { headers: { 'X-Auth-Token': 't' } });
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual({ widgets: [{ name: 'alpha', size: 3 }] });
    const bad = await fetch(`${widgets}?limit=0`, { headers: { 'X-Auth-Token': 't' } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      error_code: 'FIX.0400',
      error_msg: 'Widget parameter invalid: query.limit (minimum): must be >= 1',
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
       for (const operation of operationsOf('fixture')) {
         report.operations.push(operation.operationId);
         for (const c of constraintCases(operation)) {
           report.cases++;
           const response = await send(toWire(operation, c.input, ${JSON.stringify(urls['Fixture'])}, { 'X-Auth-Token': 't' }));
           const problem = rejectionProblem(operation, response, c);
           if (problem) report.problems.push(c.field + ': ' + problem);
         }
       }
       console.log(JSON.stringify(report));`,
    ) as { operations: string[]; cases: number; problems: string[] };
    expect(report.operations).toEqual(['ListWidgets', 'CreateWidgetOrder']);
    expect(report.cases).toBeGreaterThanOrEqual(10);
    expect(report.problems).toEqual([]);
  });
});
