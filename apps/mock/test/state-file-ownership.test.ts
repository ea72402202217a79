// One mock process per state file, with real processes: a second one on the same file exits 1
// naming the file and the holder's pid; a lock left by a process killed with SIGKILL (even in the
// middle of loading) is taken over with a message; a folder that cannot be written is refused at
// start instead of failing every change later.
import { chmodSync, existsSync, readFileSync, readdirSync, watch } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startMockProcess } from './mock-process.js';
import { newStateFile, writeStateFile } from './state-file-fixtures.js';
import { control } from './stateful-helpers.js';

const start = (file: string) => startMockProcess(['--state-file', file]);

/** Resolves once `path` exists, told by the folder's change events (nothing polls meanwhile). */
function appears(path: string): Promise<void> {
  return new Promise((resolve) => {
    const watcher = watch(dirname(path), () => check());
    const check = () => {
      if (!existsSync(path)) return;
      watcher.close();
      resolve();
    };
    check();
  });
}

describe('state file ownership', () => {
  it(
    'a second process on the same file exits 1 naming the file and the pid that holds it; the lock goes with the first',
    { timeout: 180_000 },
    async () => {
      const file = newStateFile();
      const first = await start(file);
      try {
        const second = start(file);
        await expect(second).rejects.toThrow(
          new RegExp(
            `exited with 1: hwsec-mock: state file ${file}: is in use by another mock process \\(pid ${first.child.pid}`,
          ),
        );
        // The first one still serves, and is the only writer.
        const placed = await control(first.urls.hss!).seed('p', { secmaster: { ecs_count: 3 } });
        expect(placed.status).toBe(200);
      } finally {
        await first.stop();
      }
      expect(existsSync(`${file}.lock`)).toBe(false);
      const third = await start(file);
      try {
        expect((await control(third.urls.hss!).state('p')).body.secmaster.ecs_count).toBe(3);
      } finally {
        await third.stop();
      }
    },
  );

  it(
    'SIGKILL in the middle of loading leaves the file as it was and a stale lock that the next start takes over, saying so',
    { timeout: 240_000 },
    async () => {
      const file = newStateFile();
      const projects: Record<string, unknown> = {};
      for (let i = 0; i < 20_000; i++)
        projects[`p${i}`] = {
          hss: { quotas: [{ resource_id: `r${i}`, version: 'hss.version.basic' }] },
        };
      writeStateFile(file, projects);
      const before = readFileSync(file, 'utf8');
      let killedPid: number | undefined;
      const killed = start(file).catch((error: Error) => error);
      // The lock is taken before the file is read: kill as soon as it appears.
      await appears(`${file}.lock`);
      killedPid = Number(readFileSync(`${file}.lock`, 'utf8'));
      process.kill(killedPid, 'SIGKILL');
      expect(String(await killed)).toMatch(/exited with SIGKILL/);
      expect(readFileSync(file, 'utf8')).toBe(before);
      expect(existsSync(`${file}.lock`)).toBe(true);

      const next = await start(file);
      try {
        expect(next.output().stderr).toContain(
          `state file ${file}: took over the lock of process ${killedPid}, which no longer runs`,
        );
        expect((await control(next.urls.hss!).state('p19999')).body.hss.quotas).toHaveLength(1);
      } finally {
        await next.stop();
      }
    },
  );

  it(
    'a state folder that cannot be written is refused at start (exit 1), not found out at the first change',
    { timeout: 120_000 },
    async () => {
      const file = newStateFile();
      writeStateFile(file, { p: { secmaster: { ecs_count: 1 } } });
      chmodSync(file, 0o644);
      chmodSync(dirname(file), 0o555);
      try {
        await expect(
          startMockProcess(['--state-file', file], { unprivileged: true }),
        ).rejects.toThrow(
          new RegExp(`exited with 1: hwsec-mock: state file ${file}: its folder cannot be written`),
        );
        expect(readdirSync(dirname(file))).toEqual(['state.json']);
      } finally {
        chmodSync(dirname(file), 0o755);
      }
    },
  );
});
