// Renders the results as the Markdown tables of BENCHMARKS.md.
import { OPERATIONS } from './fixtures.mjs';

const NAMES = {
  'node:http': 'node:http (floor)',
  fetch: 'raw fetch',
  official: 'official core',
  hwsec: '@hwsec client',
  'hwsec+fetch': '@hwsec with built-in fetch injected',
  'hwsec-global-fetch': '@hwsec with built-in fetch injected',
};
const name = (c) => NAMES[c] ?? c;
const x = (v) => (Number.isFinite(v) ? `${v.toFixed(2)}x` : 'n/a');
const int = (v) => (Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : 'n/a');
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const mark = (ok) => (ok ? 'met' : '**missed**');

function table(header, rows) {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

function cellLabel(row) {
  return `${OPERATIONS[row.opId].label}, ${row.auth === 'aksk' ? 'AK/SK' : 'token'}, ${row.concurrency === 1 ? 'sequential' : `c${row.concurrency}`}`;
}

export function renderRequests(r) {
  const others = r.contenders.filter((c) => c !== 'fetch');
  const vsOfficial = r.contenders.includes('hwsec') && r.contenders.includes('official');
  const ours = vsOfficial ? r.contenders.filter((c) => c.startsWith('hwsec')) : [];
  const throughput = table(
    [
      'operation, auth, concurrency',
      'raw fetch req/s',
      ...others.map((c) => `${name(c)} vs fetch`),
      ...ours.map((c) => `${name(c)} vs official`),
    ],
    r.table.map((row) => [
      cellLabel(row),
      int(row.contenders.fetch.perSecond),
      ...others.map((c) => x(row.contenders[c].ratioToFetch)),
      ...ours.map((c) => x(row.contenders[c].ratioToOfficial)),
    ]),
  );
  const latency = table(
    ['operation, auth, concurrency', ...r.contenders.map((c) => `${name(c)} p50 / p99 µs`)],
    r.table.map((row) => [
      cellLabel(row),
      ...r.contenders.map(
        (c) => `${int(row.contenders[c].p50Us)} / ${int(row.contenders[c].p99Us)}`,
      ),
    ]),
  );
  const cpu = table(
    ['operation, auth, concurrency', ...r.contenders.map((c) => `${name(c)} CPU µs/req`)],
    r.table.map((row) => [
      cellLabel(row),
      ...r.contenders.map(
        (c) =>
          `${int(row.contenders[c].cpuUsPerRequest)}${c === 'fetch' ? '' : ` (${x(row.contenders[c].cpuEfficiencyToFetch)})`}`,
      ),
    ]),
  );
  const verdicts = [];
  if (r.contenders.includes('hwsec')) {
    const vsFetch = r.table.filter((row) => row.contenders.hwsec.ratioToFetch < 1);
    verdicts.push(
      `- @hwsec at least as fast as raw fetch in every cell: ${mark(vsFetch.length === 0)}${vsFetch.length ? ` (below 1.00x in ${vsFetch.length} of ${r.table.length} cells)` : ''}.`,
    );
    if (vsOfficial) {
      const slower = r.table.filter((row) => !(row.contenders.hwsec.ratioToOfficial > 1));
      verdicts.push(
        `- @hwsec faster than the official core in every cell: ${mark(slower.length === 0)}${slower.length ? ` (not faster in ${slower.length} cells)` : ''}.`,
      );
    }
  }
  return [
    `${r.rounds} rounds; each round starts one fresh process per contender and warms it up (${r.warmupPerCell} requests per cell, ${r.warmupPerCell * r.table.length} in all), then measures every cell ${r.passes} times, ${r.requestsPerCell} requests each, the contenders taking turns cell by cell in rotating order. A ratio compares a contender's req/s with raw fetch's on the same cell in the same turn; the tables show medians over the ${r.rounds * r.passes} turns. The fixture server verified ${int(r.serverStats.verified)} AK/SK signatures and rejected ${r.serverStats.rejected} of ${int(r.serverStats.requests)} requests.`,
    '',
    throughput,
    '',
    latency,
    '',
    "CPU time the client process spent per request (user + system), and in brackets fetch's CPU per request over the contender's (above 1.00x = cheaper than raw fetch). This is steadier than wall time when other work shares the cores.",
    '',
    cpu,
    '',
    ...verdicts,
  ].join('\n');
}

export function renderSigning(s) {
  const rows = s.rows.map((row) => [
    `${row.contender === 'official' ? 'official AKSKSigner' : row.contender === 'hwsec-node' ? '@hwsec/core, Node (node:crypto)' : '@hwsec/core, web build (Web Crypto, awaited)'}`,
    row.date === 'fixed' ? 'X-Sdk-Date given (vector 2)' : 'clock read per signature',
    int(row.perSecond),
    x(row.ratioToOfficial),
  ]);
  const node = s.rows.find((r) => r.contender === 'hwsec-node' && r.date === 'now');
  return [
    `Signatures per second for the reference signing test vector 2 (HSS CreateQuotasOrder POST), each signer checked against the published Authorization first; ${s.rounds} interleaved rounds of ${s.seconds} s in fresh processes, median.`,
    '',
    table(['signer', 'date', 'signatures/s', 'vs official'], rows),
    '',
    `- At least 2x the official signer on Node (clock read per signature, as on a real call): ${mark(node && node.ratioToOfficial >= 2)} (${x(node?.ratioToOfficial)}).`,
  ].join('\n');
}

export function renderSize(z) {
  const bundle = (b) =>
    b === undefined
      ? 'n/a'
      : b.ok
        ? `${int(b.gzipBytes)} B (${kb(b.minBytes)} min)`
        : `does not bundle (${b.errorCount} errors: ${b.unresolved.slice(0, 6).join(', ')}…)`;
  const rows = z.rows.map((row) =>
    row.missing
      ? [row.name, 'not built', '', '', '']
      : [
          row.name,
          bundle(row.node),
          bundle(row.browser),
          String(row.install.packageCount),
          `${(row.install.bytes / 1e6).toFixed(2)} MB (${int(row.install.files)} files)`,
        ],
  );
  const clients = z.rows.filter(
    (row) => row.name.startsWith('@hwsec/') && !row.name.includes('core'),
  );
  // The target is per platform; "6 kB" is read both as 6,000 B and as 6 KiB (6,144 B), the unit
  // of the clients' own CI budgets (`sizeBudget` in packages/*/package.json).
  const verdict = (platform) => {
    const size = (row) => (row.missing || !row[platform].ok ? Infinity : row[platform].gzipBytes);
    const over = (limit) => clients.filter((row) => size(row) > limit);
    const describe = (limit) =>
      `${mark(clients.length > 0 && over(limit).length === 0)}${
        over(limit).length
          ? ` (${over(limit)
              .map((r) => `${r.name} ${int(size(r))} B`)
              .join(', ')})`
          : ''
      }`;
    return `- ${platform === 'node' ? 'Node' : 'Browser'} bundle of each client at most 6 kB gzip: as 6,000 B ${describe(6000)}; as 6 KiB (6,144 B) ${describe(6144)}.`;
  };
  return [
    '"One signed call" (create the client, one AK/SK-signed call, print the result) bundled by esbuild with `--bundle --minify --format=esm --target=es2022`, then gzip -9. Install footprint: the production dependency closure (workspace packages as `npm pack` would publish them).',
    '',
    table(
      [
        'program',
        'Node bundle, gzip (min)',
        'browser bundle, gzip (min)',
        'packages installed',
        'install size',
      ],
      rows,
    ),
    '',
    verdict('browser'),
    verdict('node'),
  ].join('\n');
}

export function renderColdStart(c) {
  const rows = c.rows.map((row) => [
    row.contender === 'empty'
      ? 'node, empty script'
      : `${name(row.contender.replace('@bundled', ''))}${row.contender.endsWith('@bundled') ? ', bundled into one file' : ''}`,
    `${row.firstResponseMs.toFixed(0)} ms`,
    x(row.ratioToFetch),
  ]);
  const ours = c.rows.find((r) => r.contender === 'hwsec');
  return [
    `From spawning \`node\` to the child printing its first AK/SK-signed response (HSS ShowResourceQuotas against the fixture server); ${c.rounds} interleaved rounds, median; ratio to raw fetch in the same round.`,
    '',
    table(['program', 'start to first response', 'vs raw fetch'], rows),
    '',
    ours
      ? `- Within 10% of raw fetch: ${mark(ours.ratioToFetch <= 1.1)} (${x(ours.ratioToFetch)}).`
      : '- @hwsec not measured (client not built).',
  ].join('\n');
}

export function renderPipeline(p) {
  const describe = (run) =>
    `${(run.wallMs / 1000).toFixed(2)} s wall, turbo ${run.turboMs !== undefined ? `${(run.turboMs / 1000).toFixed(3)} s` : 'n/a'}${run.tasks ? `, ${run.tasks.successful}/${run.tasks.total} tasks` : ''}${run.cached !== undefined ? `, ${run.cached} cached` : ''}${run.fullTurbo ? ', FULL TURBO' : ''}${run.ok ? '' : `, **failed**${run.failedTasks ? ` (${run.failedTasks})` : ''}`}`;
  return [
    `\`${p.command}\` (what \`pnpm test\` runs) from the repository root.`,
    '',
    table(
      ['run', 'result'],
      [
        ['cold (`--force`, nothing read from cache)', describe(p.cold)],
        [`cached (median of ${p.cachedRuns})`, describe(p.cached)],
      ],
    ),
    '',
    `- A cached \`pnpm test\` well under a second of turbo time: ${mark(p.cached.ok && p.cached.turboMs !== undefined && p.cached.turboMs < 1000)}.`,
  ].join('\n');
}

export function renderMock(m) {
  const s = m.startup;
  const l = m.load;
  const statuses = Object.entries(l.statuses)
    .map(([code, n]) => `${code}: ${int(n)}`)
    .join(', ');
  return [
    table(
      ['measure', 'value'],
      [
        [
          `spawn to all three services listening (median of ${s.starts})`,
          `${s.spawnToReadyMs.toFixed(0)} ms (worst ${s.worstSpawnToReadyMs.toFixed(0)} ms)`,
        ],
        [
          '… of which Node boot / import of @hwsec/mock (Prism) / startMock()',
          `${s.bootMs.toFixed(0)} / ${s.importMs.toFixed(0)} / ${s.startMockMs.toFixed(0)} ms`,
        ],
        [
          'first request to each operation (sequential, cold)',
          `${l.firstResponsesMs.toFixed(0)} ms for 4`,
        ],
        [
          `throughput at concurrency ${l.concurrency} (AK/SK-signed, 4 operations, autocannon, ${l.durationMs / 1000} s)`,
          `${int(l.perSecond)} req/s`,
        ],
        ['latency p50 / p99 (slowest service)', `${l.p50Ms.toFixed(1)} / ${l.p99Ms.toFixed(1)} ms`],
        ['statuses', statuses],
      ],
    ),
    '',
    `- Mock ready in under 2 s: ${mark(s.spawnToReadyMs < 2000)}.`,
  ].join('\n');
}

export function renderOverhead(o) {
  const variants = Object.keys(o.rows[0]?.cpuUs ?? {});
  return [
    `CPU µs per call when \`fetch\` answers at once with a prebuilt Response (no network), so only the client's own work is left: building the request, signing, the timeout set-up, parsing. Variants alternate in one process; median of ${o.rounds} rounds of ${o.callsPerRound} calls.`,
    '',
    table(
      ['operation, auth', ...variants],
      o.rows.map((row) => [
        `${OPERATIONS[row.opId].label}, ${row.auth === 'aksk' ? 'AK/SK' : 'token'}`,
        ...variants.map((v) => row.cpuUs[v].toFixed(1)),
      ]),
    ),
  ].join('\n');
}

const TRANSPORTS = {
  node: 'node:http keep-alive agents, node:crypto',
  deno: "Deno's fetch (orders on a pool-less client), node:crypto",
  bun: "Bun's fetch (orders without keep-alive), node:crypto",
};

export function renderRuntimes(r) {
  const rows = r.runtimes.flatMap(({ runtime, label, cells }) =>
    cells.map((cell) => [
      label,
      TRANSPORTS[runtime] ?? '',
      `${cell.opId} (${cell.auth})`,
      int(cell.fetchPerSecond),
      int(cell.hwsecPerSecond),
      x(cell.ratio),
    ]),
  );
  return [
    table(
      [
        'runtime',
        'client transport, signer',
        'operation',
        'raw fetch req/s',
        'client req/s',
        'client / raw fetch',
      ],
      rows,
    ),
    '',
    `Concurrency ${r.runtimes[0]?.concurrency ?? 'n/a'}; medians of alternating turns in one process per runtime. The raw fetch signs with the hand-written baseline signer. Requests the fixture server rejected: ${r.rejected}. workerd is not timed: its clock stands still while a request runs.`,
  ].join('\n');
}

export function renderMockState(s) {
  const modes = [
    ['stateless', 'stateless (examples)'],
    ['stateful', 'stateful, in memory'],
    ['stateFile', 'stateful, state file (durable before each answer)'],
  ];
  const ops = [
    ['read', 'HSS ShowResourceQuotas (GET)'],
    ['order', 'HSS CreateQuotasOrder (POST, unpaid)'],
  ];
  const rows = ops.flatMap(([op, label]) =>
    modes.map(([mode, modeName]) => {
      const m = s.ops[op][mode];
      return [
        `${label}, ${modeName}`,
        int(m.perSecond),
        `${m.p50Ms.toFixed(1)} / ${m.p99Ms.toFixed(1)}`,
        mode === 'stateless' ? '1.00x' : x(m.ratioToStateless),
      ];
    }),
  );
  const inMemory = ops.map(([op, label]) => {
    const ratio = s.ops[op].stateful.ratioToStateless;
    return `- Stateful in memory at least 0.8x stateless, ${label}: ${mark(ratio >= 0.8)} (${x(ratio)}).`;
  });
  const onDisk = ops.map(
    ([op, label]) =>
      `- Stateful with a state file vs stateless, ${label}: ${x(s.ops[op].stateFile.ratioToStateless)} (measured; no target).`,
  );
  return [
    `One HSS mock per mode, token auth, concurrency ${s.concurrency}, autocannon through \`@hwsec/mock/load-check\`. ${s.rounds} rounds; each round starts a fresh mock per mode in rotating order with fresh project ids (and a fresh state file); per mode ${s.warmupMs / 1000} s warm-up, then ${s.durationMs / 1000} s measured, the read first (on a project seeded with two paid orders of the spec's premium example: 10 quotas), then the order (the spec's unpaid example: every call records a pending order). Medians over the rounds; a ratio is the median of each round's own ratio to stateless.`,
    '',
    table(['operation, mode', 'req/s', 'p50 / p99 ms', 'vs stateless'], rows),
    '',
    ...inMemory,
    ...onDisk,
  ].join('\n');
}
