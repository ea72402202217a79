// The main job: the mock of all four operations and the docs site, side by side, until stopped.
// Each runs as its package's `serve` script; the environment (HWSEC_MOCK_*, HWSEC_DOCS_PORT)
// configures them. It stops whole: SIGINT, SIGTERM or SIGHUP (Ctrl-C, a service manager, a closed
// terminal), or any child exiting, stops every child and everything the child started. Each child
// leads its own process group (pnpm -> sh -> node), and the whole group is signalled, so no
// grandchild is left holding a port; this process exits only once every group is gone.
import { spawn } from 'node:child_process';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
/** How long a group may take to stop after SIGTERM before it is killed. */
const GRACE_MS = 10_000;

const services = [
  { name: 'mock', args: ['--filter', '@hwsec/mock', 'run', 'serve'] },
  { name: 'docs', args: ['--filter', '@hwsec/docs', 'run', 'serve'] },
];

const children = services.map(({ name, args }) => {
  const child = spawn('pnpm', ['--silent', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, whose id is its pid
  });
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

/** Signals a child's whole process group; false once nothing of it is left. */
function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
    return true;
  } catch (error) {
    if (error.code === 'ESRCH') return false;
    throw error;
  }
}

let stopping = false;
let exitCode = 0;

function stopAll(signal) {
  if (stopping) return;
  stopping = true;
  for (const { child } of children) if (child.pid !== undefined) signalGroup(child, signal);
  setTimeout(() => {
    for (const { child } of children) if (child.pid !== undefined) signalGroup(child, 'SIGKILL');
  }, GRACE_MS).unref();
}

/** Resolves once no process of the child's group is alive (checked, not assumed). */
function groupGone(child) {
  return new Promise((resolve) => {
    const check = () => (signalGroup(child, 0) ? setTimeout(check, 50) : resolve());
    check();
  });
}

const exited = children.map(
  ({ name, child }) =>
    new Promise((resolve) => {
      child.on('error', (error) => {
        console.error(`[${name}] could not start: ${error.message}; stopping the others`);
        exitCode ||= 1;
        stopAll('SIGTERM');
        resolve();
      });
      child.on('exit', (code, signal) => {
        if (!stopping) {
          console.error(`[${name}] exited with ${signal ?? code}; stopping the others`);
          exitCode ||= code || 1;
        }
        stopAll('SIGTERM');
        resolve();
      });
    }),
);

for (const signal of SIGNALS) process.on(signal, () => stopAll(signal));

await Promise.all(exited);
await Promise.all(
  children.filter(({ child }) => child.pid !== undefined).map(({ child }) => groupGone(child)),
);
process.exit(exitCode);
