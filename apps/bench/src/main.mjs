// `pnpm bench`: runs every section, keeps the raw results in results/latest.json and rewrites
// the generated part of BENCHMARKS.md at the repository root. `--only=requests,signing` runs
// some sections and keeps the others' previous results; `--quick` takes fewer rounds.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { readApiRegistry } from '@hwsec/spec';
import { assertBaselineSignerMatchesVectors } from './baseline-signer.mjs';
import { OPERATIONS } from './fixtures.mjs';
import { benchColdStart } from './sections/cold-start.mjs';
import { benchMock } from './sections/mock.mjs';
import { benchMockState } from './sections/mock-state.mjs';
import { benchMockStorage, renderMockStorage } from './sections/mock-storage.mjs';
import { benchOverhead } from './sections/overhead.mjs';
import { benchPipeline } from './sections/pipeline.mjs';
import { benchRequests } from './sections/requests.mjs';
import { benchRuntimes } from './sections/runtimes.mjs';
import { benchSigning } from './sections/signing.mjs';
import { benchSize } from './sections/size.mjs';
import {
  renderColdStart,
  renderMock,
  renderMockState,
  renderOverhead,
  renderPipeline,
  renderRequests,
  renderRuntimes,
  renderSigning,
  renderSize,
} from './report.mjs';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const RESULTS = fileURLToPath(new URL('../results/latest.json', import.meta.url));
const DOC = `${ROOT}BENCHMARKS.md`;
const START =
  '<!-- bench:generated:start (written by `pnpm bench`; edit outside these markers) -->';
const END = '<!-- bench:generated:end -->';

const args = process.argv.slice(2);
const only =
  args
    .find((a) => a.startsWith('--only='))
    ?.slice(7)
    .split(',') ?? null;
const quick = args.includes('--quick');
// For profiling a subset: --ops=hssRead,hssOrder --contenders=fetch,hwsec
const opsArg = args
  .find((a) => a.startsWith('--ops='))
  ?.slice(6)
  .split(',');
const contendersArg = args
  .find((a) => a.startsWith('--contenders='))
  ?.slice(13)
  .split(',');
const log = (line) => process.stderr.write(`${line}\n`);
const require = createRequire(import.meta.url);

/**
 * The clients (the registry's `x-hwsec-client`) of these API ids that cannot be imported; by
 * default those of the operations the bench measures (not every registered API: a client the
 * bench does not call must not switch our clients off).
 */
function missingClients(ids = [...new Set(Object.values(OPERATIONS).map((op) => op.client))]) {
  return ids
    .map((id) => readApiRegistry().get(id).client?.package)
    .filter((name) => {
      if (name === undefined) return false;
      try {
        require.resolve(name);
        return false;
      } catch {
        return true;
      }
    });
}
const clientsBuilt = (ids) => missingClients(ids).length === 0;

function versions() {
  const version = (name, from = import.meta.url) => {
    try {
      return createRequire(from)(`${name}/package.json`).version;
    } catch {
      return 'n/a';
    }
  };
  const coreUrl = (() => {
    try {
      return new URL('.', `file://${require.resolve('@hwsec/core/package.json')}`).href;
    } catch {
      return import.meta.url;
    }
  })();
  return {
    node: process.version,
    '@huaweicloud/huaweicloud-sdk-core': version('@huaweicloud/huaweicloud-sdk-core'),
    'openapi-fetch (used by @hwsec/core)': version('openapi-fetch', coreUrl),
    esbuild: version('esbuild'),
    turbo: execFileSync(`${ROOT}node_modules/.bin/turbo`, ['--version'], {
      encoding: 'utf8',
    }).trim(),
    pnpm: (() => {
      try {
        return execFileSync('pnpm', ['--version'], { encoding: 'utf8' }).trim();
      } catch {
        return 'n/a';
      }
    })(),
  };
}

function machine() {
  const cpu = cpus();
  return {
    cpu: `${cpu[0]?.model ?? 'unknown'} × ${cpu.length}`,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${process.platform} ${release()}`,
  };
}

assertBaselineSignerMatchesVectors();
const previous = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : {};
const results = { ...previous, machine: machine(), versions: versions(), quick };
const missing = missingClients(
  opsArg ? [...new Set(opsArg.map((op) => OPERATIONS[op].client))] : undefined,
);
const built = missing.length === 0;
if (!built)
  log(
    `warning: ${missing.join(', ')} cannot be imported (not built, or not a devDependency of @hwsec/bench); measuring without our clients`,
  );
// `hwsec+fetch` is a diagnostic: our client with Node's built-in fetch injected (its web path).
const contenders = contendersArg ?? [
  'node:http',
  'fetch',
  'official',
  ...(built ? ['hwsec', 'hwsec+fetch'] : []),
];
const startedAt = performance.now();

const failures = [];
// Each section's runner, in the order they run; `--only` names a subset of these keys.
const SECTION_RUNNERS = {
  requests: () =>
    benchRequests({
      contenders,
      ops: opsArg,
      rounds: quick ? 1 : 2,
      passes: 2,
      requestsPerCell: quick ? 150 : 250,
      warmupPerCell: 150,
      log,
    }),
  runtimes: () =>
    benchRuntimes({ rounds: quick ? 3 : 7, requests: quick ? 300 : 600, warmup: 2000, log }),
  overhead: () => benchOverhead({ rounds: quick ? 3 : 5, callsPerRound: 1000, log }),
  signing: () => benchSigning({ rounds: quick ? 2 : 5, seconds: quick ? 0.3 : 0.6, log }),
  size: () => benchSize({ log }),
  cold: () =>
    benchColdStart({
      contenders: [
        'empty',
        'fetch',
        'official',
        ...(clientsBuilt(['hss']) ? ['hwsec', 'hwsec@bundled', 'hwsec-global-fetch'] : []),
      ],
      rounds: quick ? 5 : 15,
      log,
    }),
  mock: () =>
    benchMock({
      starts: quick ? 2 : 5,
      concurrency: 50,
      durationMs: quick ? 1000 : 3000,
      log,
    }),
  mockstate: () =>
    benchMockState({
      rounds: quick ? 1 : 3,
      concurrency: 50,
      warmupMs: 1000,
      durationMs: quick ? 1000 : 3000,
      log,
    }),
  mockstorage: () =>
    benchMockStorage({ rounds: quick ? 1 : 3, orders: quick ? 200 : 500, warmup: 50, log }),
  pipeline: () => benchPipeline({ cachedRuns: quick ? 1 : 3, log }),
};
const unknownSections = (only ?? []).filter((s) => !(s in SECTION_RUNNERS));
if (unknownSections.length > 0) {
  log(
    `unknown section ${unknownSections.join(', ')} in --only; the sections: ${Object.keys(SECTION_RUNNERS).join(', ')}`,
  );
  process.exit(2);
}
const sections = Object.keys(SECTION_RUNNERS).filter((s) => only === null || only.includes(s));
for (const section of sections) {
  const started = performance.now();
  log(`${section}…`);
  try {
    results[section] = await SECTION_RUNNERS[section]();
    results[`${section}At`] = new Date().toISOString();
    log(`${section} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    // One broken section (e.g. a package being rebuilt) must not throw away the others' numbers.
    failures.push(section);
    log(`${section} FAILED: ${error instanceof Error ? error.message : error}`);
  }
}
if (opsArg || contendersArg) {
  // A profiling subset: print it, leave the recorded results and BENCHMARKS.md alone.
  if (results.requests && !failures.includes('requests'))
    process.stdout.write(`${renderRequests(results.requests)}\n`);
  process.exit(0);
}
results.generatedAt = new Date().toISOString();
mkdirSync(fileURLToPath(new URL('../results/', import.meta.url)), { recursive: true });
writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);

// The report's sections in order: heading, key in the results, renderer.
const REPORT_SECTIONS = [
  ['Per request', 'requests', renderRequests],
  ["Per runtime: each client against its runtime's own fetch", 'runtimes', renderRuntimes],
  ['Client-side CPU per call, network taken out', 'overhead', renderOverhead],
  ['Signing alone', 'signing', renderSigning],
  ['Size', 'size', renderSize],
  ['Cold start', 'cold', renderColdStart],
  ['Mock', 'mock', renderMock],
  ['Mock: stateless and stateful', 'mockstate', renderMockState],
  ['Mock: the state file at scale', 'mockstorage', renderMockStorage],
  ['Pipeline', 'pipeline', renderPipeline],
];

const generated = [
  START,
  '',
  `Last run: ${results.generatedAt}${quick ? ' (quick mode: fewer rounds)' : ''}. Machine: ${results.machine.cpu}, ${results.machine.memory}, ${results.machine.os}.`,
  `Versions: ${Object.entries(results.versions)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}.`,
  '',
  ...REPORT_SECTIONS.flatMap(([title, key, render]) => [
    `### ${title}`,
    '',
    results[key] ? render(results[key]) : '_not run_',
    '',
  ]),
  END,
].join('\n');

const current = existsSync(DOC) ? readFileSync(DOC, 'utf8') : `# Benchmarks\n\n${START}\n${END}\n`;
const from = current.indexOf(START);
const to = current.indexOf(END);
const next =
  from === -1 || to === -1
    ? `${current.trimEnd()}\n\n${generated}\n`
    : current.slice(0, from) + generated + current.slice(to + END.length);
writeFileSync(DOC, next);
try {
  // Keep the file as the repository's formatter writes it (aligned tables), if it is installed.
  execFileSync(`${ROOT}node_modules/.bin/prettier`, ['--write', DOC, RESULTS], { stdio: 'ignore' });
} catch {
  // Formatting is cosmetic; the numbers are written either way.
}
log(`wrote ${DOC} in ${((performance.now() - startedAt) / 1000).toFixed(0)} s`);
if (failures.length > 0) {
  log(`failed sections (their previous results were kept): ${failures.join(', ')}`);
  process.exitCode = 1;
}
