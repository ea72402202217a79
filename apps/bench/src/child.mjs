// Starting the measuring processes. Every child gets a private HOME (the official core writes
// ~/.huaweicloud/application_id) and reports one JSON line on stdout.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const benchHome = mkdtempSync(join(tmpdir(), 'hwsec-bench-home-'));
export const childEnv = { ...process.env, HOME: benchHome, NODE_ENV: 'production' };

/** Runs `node <script> <json arg>` and resolves with the last JSON line it printed. */
export function runJsonChild(script, arg, { nodeArgs = [], cwd } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, script, JSON.stringify(arg)], {
      env: childEnv,
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0)
        return reject(new Error(`${script} exited with ${code}\n${err.slice(-2000)}`));
      try {
        resolve(JSON.parse(last));
      } catch {
        reject(
          new Error(`${script} printed no JSON result\n${out.slice(-500)}\n${err.slice(-1000)}`),
        );
      }
    });
  });
}

/** Starts a long-running child that prints one JSON line when ready; resolves with it and the child. */
export function startJsonService(script, args = [], { env = childEnv } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      env,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let out = '';
    const onData = (d) => {
      out += d;
      const newline = out.indexOf('\n');
      if (newline === -1) return;
      child.stdout.off('data', onData);
      try {
        resolve({ child, ready: JSON.parse(out.slice(0, newline)) });
      } catch (error) {
        reject(error);
      }
    };
    child.stdout.on('data', onData);
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`${script} exited early with ${code}`)));
  });
}
