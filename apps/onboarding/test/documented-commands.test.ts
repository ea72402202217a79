// Every shell command the documentation shows works exactly as written: each README,
// CONTRIBUTING and docs page (English and Chinese, as built) is read, every command of its shell
// blocks is run from the repository root (a serving one until it is ready, then stopped with
// Ctrl-C), and must succeed. The few that cannot run inside `pnpm test` are listed, with a reason,
// in support/not-run-here.ts; that list is checked against the documentation both ways.
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiIds } from '@hwsec/spec';
import { describe, expect, it } from 'vitest';
import { documentedCommands, inlinePnpmMentions } from './support/documented-commands.js';
import { NOT_RUN_HERE } from './support/not-run-here.js';
import {
  READY_LINES,
  runToEnd,
  runUntilReady,
  serversOf,
} from './support/run-documented-command.js';
import { unresolvedPnpmCommand, workspacePackages } from './support/workspace-scripts.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const docsDir = dirname(createRequire(import.meta.url).resolve('@hwsec/docs/package.json'));
const commands = documentedCommands(repo, join(docsDir, 'dist'));
const packages = workspacePackages(repo);
const notRun = new Map(NOT_RUN_HERE.map((entry) => [entry.command, entry]));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The reader's environment, with the servers' ports moved by their documented variables. */
async function readerEnv(): Promise<NodeJS.ProcessEnv> {
  const env: NodeJS.ProcessEnv = { ...process.env, HWSEC_MOCK_QUIET: '1' };
  for (const key of Object.keys(env)) if (key.startsWith('npm_')) delete env[key];
  for (const id of apiIds()) env[`HWSEC_MOCK_${id.toUpperCase()}_PORT`] = String(await freePort());
  env['HWSEC_DOCS_PORT'] = String(await freePort());
  return env;
}

describe('the documentation’s commands are found', () => {
  it('in the READMEs, CONTRIBUTING and both languages of the built docs pages', () => {
    const sources = new Set(commands.flatMap((c) => c.sources));
    for (const expected of [
      'README.md',
      'CONTRIBUTING.md',
      'apps/mock/README.md',
      'apps/docs/README.md',
      'apps/docs/dist/index.html',
      'apps/docs/dist/zh-CN/index.html',
      'apps/docs/dist/testing-a-flow.html',
      'apps/docs/dist/zh-CN/testing-a-flow.html',
    ])
      expect(sources, expected).toContain(expected);
  });

  it('every entry of the not-run list is still documented (no stale exemption)', () => {
    const shown = new Set(commands.map((c) => c.command));
    expect(NOT_RUN_HERE.filter((entry) => !shown.has(entry.command))).toEqual([]);
  });

  it('every not-run entry gives a reason, and the file it says runs it exists', () => {
    for (const entry of NOT_RUN_HERE) {
      expect(entry.reason.length, entry.command).toBeGreaterThan(20);
      if (entry.runBy) expect(existsSync(join(repo, entry.runBy)), entry.runBy).toBe(true);
    }
  });
});

describe('every `pnpm …` the documentation names runs a script that exists', () => {
  const mentions = inlinePnpmMentions(repo, join(docsDir, 'dist'));
  for (const { command, sources } of commands) mentions.set(command, [...sources]);
  const cases = [...mentions].filter(([command]) => /(^|\s)pnpm\s/.test(command));
  it.each(cases)('%s   (%s)', (command, sources) => {
    for (const source of sources.length > 0 ? sources : ['README.md']) {
      // `[-- --flag …]` marks optional arguments; the rest is the command.
      const written = command.replace(/\s*\[[^\]]*\]$/, '');
      expect(
        unresolvedPnpmCommand(written, packages, dirname(join(repo, source))),
        source,
      ).toBeUndefined();
    }
  });
});

describe('every documented command runs as written', () => {
  for (const { command, sources } of commands.filter((c) => !notRun.has(c.command))) {
    const servers = serversOf(command);
    const where = sources.join(', ');
    if (servers.length > 0) {
      it(`${command}   (${where}) starts, is ready, stops whole on Ctrl-C`, async () => {
        const env = await readerEnv();
        const { ready, stopped, groupGone } = await runUntilReady(command, repo, env);
        for (const server of servers)
          expect(ready.output, `${server} ready\n${stopped.output}`).toMatch(READY_LINES[server]);
        const port = /--port[ =](\d+)/.exec(command)?.[1];
        if (port)
          expect(READY_LINES.docs.exec(ready.output)?.[1]).toBe(`http://127.0.0.1:${port}/`);
        expect(groupGone).toBe(true);
        expect(stopped.output).not.toMatch(/ERR_|Unexpected argument|Error:/);
        rmSync(join(repo, 'apps/mock/.mock-state.json'), { force: true });
      });
    } else {
      it(`${command}   (${where}) exits 0`, async () => {
        const run = await runToEnd(command, repo, await readerEnv());
        expect(run.exitCode, run.output).toBe(0);
      });
    }
  }
});
