#!/usr/bin/env node
// `hwsec-run-with <runtime> <script> [args…]`: runs a Node script on one of the pinned Node
// runtimes instead of the machine's, for tools whose engines need a newer Node (Stryker 10
// needs Node 22). Exit code and signals pass through; a missing runtime says to run setup.
import { spawn } from 'node:child_process';
import { RuntimeMissingError, runtimeBinary } from './runtimes.mjs';

const [runtime, ...args] = process.argv.slice(2);
if (!runtime?.startsWith('node') || args.length === 0) {
  console.error('usage: hwsec-run-with node22|node24 <script> [args…]');
  process.exit(2);
}
let binary;
try {
  binary = runtimeBinary(runtime);
} catch (error) {
  if (!(error instanceof RuntimeMissingError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const child = spawn(binary, args, { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
