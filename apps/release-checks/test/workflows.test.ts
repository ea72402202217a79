/**
 * The GitHub Actions workflows cannot run here, so this checks what can be checked: they are
 * valid YAML, run the commands the repository defines, and keep the release and Node-support
 * promises (Node 20/22/24 matrix, frozen lockfile, turbo cache, changesets with provenance).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { REPO_ROOT } from '../src/spec-layout.js';

const workflowsDir = join(REPO_ROOT, '.github', 'workflows');
const rootManifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
interface Workflow {
  on: unknown;
  permissions?: Record<string, string>;
  jobs: Record<
    string,
    { steps?: Step[]; strategy?: { matrix?: { node?: unknown[]; runtime?: unknown[] } } }
  >;
}

function load(name: string): Workflow {
  const document = parseDocument(readFileSync(join(workflowsDir, name), 'utf8'), {
    uniqueKeys: true,
  });
  expect(document.errors.map(String), name).toEqual([]);
  return document.toJS() as Workflow;
}

const PNPM_COMMANDS = new Set([
  'install',
  'i',
  'add',
  'exec',
  'dlx',
  'test',
  'pack',
  'publish',
  'recursive',
  'fetch',
  'list',
  'why',
  'store',
]);

const steps = (workflow: Workflow) =>
  Object.values(workflow.jobs).flatMap((job) => job.steps ?? []);
const runLines = (workflow: Workflow) =>
  steps(workflow).flatMap((step) =>
    (step.run ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  );

describe('GitHub Actions workflows', () => {
  it('every workflow parses, pins its actions to a release and runs only scripts that exist', () => {
    const files = readdirSync(workflowsDir).filter((file) => /\.ya?ml$/.test(file));
    expect(files).toEqual(expect.arrayContaining(['ci.yml', 'release.yml']));
    for (const file of files) {
      const workflow = load(file);
      expect(workflow.on, file).toBeTruthy();
      for (const step of steps(workflow)) {
        if (step.uses)
          expect(step.uses, file).toMatch(/^[\w.-]+\/[\w./-]+@(v\d+(\.\d+)*|[0-9a-f]{40})$/);
      }
      for (const line of runLines(workflow)) {
        // `pnpm <name>` runs a root script unless <name> is one of pnpm's own commands.
        const name = /^pnpm (?:run )?([\w:-]+)(?:\s|$)/.exec(line)?.[1];
        if (name && !name.startsWith('-') && !PNPM_COMMANDS.has(name)) {
          expect(Object.keys(rootManifest.scripts), `${file}: ${line}`).toContain(name);
        }
      }
    }
  });

  it('CI tests Node 20, 22 and 24 with the frozen lockfile, the pnpm cache and the turbo cache', () => {
    const ci = load('ci.yml');
    const job = Object.values(ci.jobs)[0]!;
    expect(job.strategy?.matrix?.node).toEqual([20, 22, 24]);
    const byAction = (prefix: string) =>
      (job.steps ?? []).find((step) => step.uses?.startsWith(prefix));
    // The pnpm version comes from package.json's packageManager (giving both is an action error).
    expect(byAction('pnpm/action-setup@')?.with?.version).toBeUndefined();
    expect(rootManifest.packageManager).toBe('pnpm@10.34.9');
    expect(byAction('actions/setup-node@')?.with).toMatchObject({
      'node-version': '${{ matrix.node }}',
      cache: 'pnpm',
    });
    expect(byAction('actions/cache@')?.with?.path).toBe('.turbo/cache');
    const lines = runLines(ci);
    expect(lines).toContain('bash scripts/setup.sh');
    expect(readFileSync(join(REPO_ROOT, 'scripts', 'setup.sh'), 'utf8')).toContain(
      'pnpm install --frozen-lockfile',
    );
    expect(lines).toContain('pnpm test');
    expect(lines).toContain('pnpm --filter @hwsec/release-checks run spec-compat');
    expect(ci.permissions).toEqual({ contents: 'read' });
  });

  it('the CI matrix, the pinned runtimes and the engines field agree', () => {
    const pins = JSON.parse(
      readFileSync(join(REPO_ROOT, 'tools', 'runtimes', 'pins', 'package.json'), 'utf8'),
    );
    const pinnedNodes = Object.values<string>(pins.optionalDependencies)
      .filter((spec) => spec.startsWith('npm:node-'))
      .map((spec) => Number(spec.split('@').pop()!.split('.')[0]));
    const majors = [...new Set(pinnedNodes)].sort((a, b) => a - b);
    const floor = Number(/>=(\d+)/.exec(rootManifest.engines.node)![1]);
    expect([floor, ...majors]).toEqual(load('ci.yml').jobs['test']!.strategy!.matrix!.node);
  });

  it('the CI runtime matrix runs exactly the runtimes of test:runtime and the README table', async () => {
    const { RUNTIME_COMMANDS } = (await import(join(REPO_ROOT, 'scripts', 'test-runtime.mjs'))) as {
      RUNTIME_COMMANDS: Record<string, unknown>;
    };
    const names = Object.keys(RUNTIME_COMMANDS);
    const ci = load('ci.yml');
    expect(ci.jobs['runtime']!.strategy!.matrix!.runtime).toEqual(names);
    expect(runLines(ci)).toContain('pnpm test:runtime ${{ matrix.runtime }}');
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    for (const name of names) expect(readme).toContain(`pnpm test:runtime ${name}`);
  });

  it('releases through the changesets action with npm provenance', () => {
    const release = load('release.yml');
    expect(release.permissions).toMatchObject({
      'id-token': 'write',
      contents: 'write',
      'pull-requests': 'write',
    });
    const action = steps(release).find((step) => step.uses?.startsWith('changesets/action@'))!;
    expect(action.with).toMatchObject({
      version: 'pnpm version-packages',
      publish: 'pnpm release',
    });
    expect(String(action.env?.NPM_CONFIG_PROVENANCE)).toBe('true');
    expect(action.env?.NODE_AUTH_TOKEN).toBe('${{ secrets.NPM_TOKEN }}');
    expect(runLines(release)).toEqual(
      expect.arrayContaining(['pnpm install --frozen-lockfile', 'pnpm test']),
    );
    const setupNode = steps(release).find((step) => step.uses?.startsWith('actions/setup-node@'))!;
    expect(setupNode.with?.['registry-url']).toBe('https://registry.npmjs.org');
    expect(rootManifest.scripts.release).toMatch(/changeset publish/);
    expect(rootManifest.scripts['version-packages']).toMatch(
      /^changeset version && .*after-changeset-version/,
    );
    expect(existsSync(join(REPO_ROOT, '.changeset', 'config.json'))).toBe(true);
  });
});
