/**
 * The whole proof that a user can `npm install` the packages: pack, install the tarballs into a
 * fresh project outside the workspace, typecheck the consumer under both module resolutions,
 * and run it. Each step throws with the tool's output when it fails.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createConsumerProject, isolatedEnv } from './consumer-project.js';
import { packPackage, type PackedTarball } from './pack.js';
import { manifestProblems, readPackedManifest } from './packed-manifest.js';
import { runCommand } from './run-command.js';
import { typecheckConsumer, type ResolutionMode } from './typecheck.js';

export interface VerifyOptions {
  /** Package folders to pack (workspace packages or broken copies of them). */
  readonly packageDirs: readonly string[];
  /** Empty folder outside the workspace; tarballs and the consumer project go inside it. */
  readonly workDir: string;
  /** Consumer files: name -> TypeScript source. The first one is run. */
  readonly consumer: Readonly<Record<string, string>>;
  readonly modes?: readonly ResolutionMode[];
  /** Environment of the consumer process (the mock's URLs). Omit to typecheck only. */
  readonly runEnv?: NodeJS.ProcessEnv;
}

export interface VerifyResult {
  readonly tarballs: readonly PackedTarball[];
  readonly projectDir: string;
  /** stdout of the consumer run, when `runEnv` was given. */
  readonly output?: string;
  readonly timingsMs: Readonly<Record<string, number>>;
}

export async function verifyTarballs(options: VerifyOptions): Promise<VerifyResult> {
  const timingsMs: Record<string, number> = {};
  const timed = async <T>(step: string, work: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      timingsMs[step] = Math.round(performance.now() - start);
    }
  };

  const tarballDir = join(options.workDir, 'tarballs');
  const projectDir = join(options.workDir, 'consumer');
  const tarballs = await timed('pack', () =>
    Promise.all(options.packageDirs.map((dir) => packPackage(dir, tarballDir))),
  );
  const manifests = await Promise.all(tarballs.map(readPackedManifest));
  const problems = tarballs.flatMap((tarball, index) =>
    manifestProblems(tarball, manifests[index]!),
  );
  if (problems.length > 0)
    throw new Error(`packed manifests are broken:\n  ${problems.join('\n  ')}`);
  await timed('install', () => createConsumerProject(projectDir, tarballs));

  const files = Object.keys(options.consumer);
  for (const [name, source] of Object.entries(options.consumer))
    writeFileSync(join(projectDir, name), source);
  for (const mode of options.modes ?? (['bundler', 'node16'] as const)) {
    await timed(`typecheck:${mode}`, () => typecheckConsumer(projectDir, mode, files));
  }

  if (!options.runEnv) return { tarballs, projectDir, timingsMs };
  const entry = join('out', files[0]!.replace(/\.ts$/, '.js'));
  const { stdout } = await timed('run', () =>
    runCommand(process.execPath, [entry], { cwd: projectDir, env: isolatedEnv(options.runEnv) }),
  );
  return { tarballs, projectDir, output: stdout, timingsMs };
}
