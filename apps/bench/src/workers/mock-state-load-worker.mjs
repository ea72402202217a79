// Load on one HSS service of the mock for the stateless/stateful comparison: first the read
// (ShowResourceQuotas) on a project that holds a few paid quotas, then the order
// (CreateQuotasOrder) on a project of its own, each a warm-up and a timed window at `concurrency`.
// Token auth (the mock cannot check IAM tokens, so no signing cost is measured); the bodies are
// the spec's own examples. Load and percentiles come from the mock's one load checker.
import { readFileSync } from 'node:fs';
import { runLoadCheck } from '@hwsec/mock/load-check';
import { readApiRegistry } from '@hwsec/spec';
import { OPERATIONS, TOKEN } from '../fixtures.mjs';

const { url, readProject, orderProject, concurrency, warmupMs, durationMs } = JSON.parse(
  process.argv[2],
);

const hss = JSON.parse(readFileSync(readApiRegistry().get('hss').files.bundleJson, 'utf8'));
const orderExamples =
  hss.paths[OPERATIONS.hssOrder.path].post.requestBody.content['application/json'].examples;
const headers = { 'content-type': 'application/json', 'x-auth-token': TOKEN };
const pathOf = (op, projectId, query = '') => {
  return op.path.replace('{project_id}', projectId) + (query ? `?${query}` : '');
};

function orderRequest(projectId, example) {
  return {
    method: 'POST',
    path: pathOf(OPERATIONS.hssOrder, projectId),
    headers,
    body: JSON.stringify(orderExamples[example].value),
    check: (status, body) =>
      status !== 200 ? `status ${status}` : body.includes('"order_id"') ? undefined : 'no order_id',
  };
}

const target = (requests) => [{ name: 'HSS', url, requests }];

async function measure(requests) {
  await runLoadCheck({
    targets: target(requests),
    connections: concurrency,
    durationSeconds: warmupMs / 1000,
  });
  const load = await runLoadCheck({
    targets: target(requests),
    connections: concurrency,
    durationSeconds: durationMs / 1000,
  });
  const [t] = load.targets;
  if (load.failed)
    throw new Error(
      `${t.errors} errors, ${t.wrongAnswers} wrong answers: ${t.problems.join('; ')}`,
    );
  return {
    requests: t.requests,
    perSecond: t.perSecond,
    p50Ms: t.latencyMs.p50,
    p99Ms: t.latencyMs.p99,
    statuses: t.statuses,
  };
}

// Two paid orders of the premium example: the read then finds 10 quotas in stateful modes.
const seeded = await runLoadCheck({
  targets: target([orderRequest(readProject, 'premiumYearlyPaid')]),
  connections: 1,
  amount: 2,
});
if (seeded.failed)
  throw new Error(`seeding the read project failed: ${seeded.targets[0].problems}`);

const read = await measure([
  {
    method: 'GET',
    // The edition the seeded orders bought, so stateful reads count them.
    path: pathOf(
      OPERATIONS.hssRead,
      readProject,
      new URLSearchParams({
        version: orderExamples.premiumYearlyPaid.value.resource_spec_code,
      }).toString(),
    ),
    headers,
    check: (status, body) =>
      status !== 200
        ? `status ${status}`
        : body.includes('"data_list"')
          ? undefined
          : 'no data_list',
  },
]);
// The unpaid example: every call records a new pending order in the project.
const order = await measure([orderRequest(orderProject, 'enterpriseMonthly')]);
process.stdout.write(`${JSON.stringify({ read, order })}\n`);
