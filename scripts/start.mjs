// The main job: the mock of all four operations and the docs site, side by side, until Ctrl-C.
// Each runs as its package's `serve` script; the environment (HWSEC_MOCK_*, HWSEC_DOCS_PORT)
// configures them. If either fails to start, both stop and the exit code says so.
import { spawn } from 'node:child_process';

const services = [
  { name: 'mock', args: ['--filter', '@hwsec/mock', 'run', 'serve'] },
  { name: 'docs', args: ['--filter', '@hwsec/docs', 'run', 'serve'] },
];

const children = services.map(({ name, args }) => {
  const child = spawn('pnpm', ['--silent', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream.on('data', (chunk) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines)
        (stream === child.stdout ? process.stdout : process.stderr).write(`[${name}] ${line}\n`);
    });
  }
  return { name, child };
});

let stopping = false;
function stopAll(signal) {
  if (stopping) return;
  stopping = true;
  for (const { child } of children) if (child.exitCode === null) child.kill(signal);
}

let exitCode = 0;
let running = children.length;
for (const { name, child } of children) {
  child.on('exit', (code, signal) => {
    if (!stopping && code !== 0) {
      console.error(`[${name}] exited with ${signal ?? code}; stopping the others`);
      exitCode = code ?? 1;
    }
    stopAll('SIGTERM');
    if (--running === 0) process.exit(exitCode);
  });
}

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAll(signal));
