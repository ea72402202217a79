// Starts the mock (apps/mock's programmatic API, every registered API on an ephemeral port, its
// defaults otherwise; an optional JSON argument adds `startMock` options such as `stateful`) and
// prints when it is ready; `performance.now()` counts from this process's start.
const importStarted = performance.now();
const { startMock } = await import('@hwsec/mock');
const { apiIds } = await import('@hwsec/spec');
const startStarted = performance.now();
const options = process.argv[2] ? JSON.parse(process.argv[2]) : {};
const mock = await startMock({
  ports: Object.fromEntries(apiIds().map((id) => [id, 0])),
  ...options,
});
const readyMs = performance.now();
process.stdout.write(
  `${JSON.stringify({ urls: mock.urls, bootMs: importStarted, importMs: startStarted - importStarted, startMockMs: readyMs - startStarted, readyMs })}\n`,
);
process.stdin.resume();
process.stdin.on('end', () => void mock.close());
