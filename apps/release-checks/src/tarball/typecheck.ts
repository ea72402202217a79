/**
 * Typechecks the consumer the way users' projects do.
 *
 * - bundler: `module: esnext`, `moduleResolution: bundler`, DOM lib, and `skipLibCheck: false`,
 *   so every shipped `.d.ts` is checked: a type that points at a file missing from a tarball or
 *   at an undeclared package is an error here (the default lib files are skipped; they are
 *   TypeScript's own and cost seconds).
 * - node16: `module`/`moduleResolution: node16`, no DOM lib, `skipLibCheck: true` as `tsc --init`
 *   writes it. A broken `.d.ts` would silently become `any` there, which the consumer's
 *   `@ts-expect-error` probes turn into an error. This project also emits the JavaScript that
 *   then runs against the mock.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isolatedEnv } from './consumer-project.js';
import { runCommand } from './run-command.js';

export type ResolutionMode = 'bundler' | 'node16';

const COMMON = {
  target: 'ES2022',
  strict: true,
  types: ['node'],
  forceConsistentCasingInFileNames: true,
};

const CONFIGS: Record<ResolutionMode, object> = {
  bundler: {
    ...COMMON,
    module: 'esnext',
    moduleResolution: 'bundler',
    lib: ['ES2022', 'DOM'],
    skipLibCheck: false,
    skipDefaultLibCheck: true,
    noEmit: true,
  },
  node16: {
    ...COMMON,
    module: 'node16',
    moduleResolution: 'node16',
    lib: ['ES2022'],
    skipLibCheck: true,
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
