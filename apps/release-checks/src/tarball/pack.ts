import { runCommand } from './run-command.js';

export interface PackedTarball {
  readonly name: string;
  readonly version: string;
  /** Absolute path of the `.tgz`. */
  readonly file: string;
  /** Paths inside the tarball, relative to `package/`. */
  readonly files: readonly string[];
}

/**
 * `pnpm pack` exactly as `pnpm publish` would: the `files` list decides what ships and
 * `workspace:*` ranges are rewritten to the real versions.
 */
export async function packPackage(dir: string, destination: string): Promise<PackedTarball> {
  const { stdout } = await runCommand(
    'pnpm',
    ['pack', '--json', '--pack-destination', destination],
    { cwd: dir },
  );
  const result = JSON.parse(stdout) as {
    name: string;
    version: string;
    filename: string;
    files: { path: string }[];
  };
  return {
    name: result.name,
    version: result.version,
    file: result.filename,
    files: result.files.map((f) => f.path),
  };
}
