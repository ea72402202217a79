/**
 * Typechecks the consumer the way users' projects do: a bundler project (`module: esnext`,
 * `moduleResolution: bundler`, DOM lib) and a plain Node project (`module`/`moduleResolution:
 * node16`, no DOM lib). `skipLibCheck` is off so that every shipped `.d.ts` is checked too: a
 * type that points at a file missing from the tarball or at an undeclared package fails here.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isolatedEnv } from './consumer-project.js';
import { runCommand } from './run-command.js';

export type ResolutionMode = 'bundler' | 'node16';

const COMMON = {
  target: 'ES2022',
  strict: true,
  skipLibCheck: false,
  types: ['node'],
  forceConsistentCasingInFileNames: true,
};

const CONFIGS: Record<ResolutionMode, object> = {
  bundler: {
    ...COMMON,
    module: 'esnext',
    moduleResolution: 'bundler',
    lib: ['ES2022', 'DOM'],
    noEmit: true,
  },
  // The Node project also emits, so the very same code can then run against the mock.
  node16: {
    ...COMMON,
    module: 'node16',
    moduleResolution: 'node16',
    lib: ['ES2022'],
    outDir: 'out',
  },
};

export async function typecheckConsumer(
  projectDir: string,
  mode: ResolutionMode,
  files: readonly string[],
): Promise<void> {
  const configFile = `tsconfig.${mode}.json`;
  writeFileSync(
    join(projectDir, configFile),
    `${JSON.stringify({ compilerOptions: CONFIGS[mode], files }, null, 2)}\n`,
  );
  await runCommand(
    process.execPath,
    [join('node_modules', 'typescript', 'bin', 'tsc'), '-p', configFile, '--pretty', 'false'],
    {
      cwd: projectDir,
      env: isolatedEnv(),
    },
  );
}
