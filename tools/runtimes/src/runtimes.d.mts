export interface Runtime {
  readonly label: string;
  readonly version: string;
  /** Folder under the cache's node_modules that holds it. */
  readonly packageDir: string;
  /** Binary, relative to the cache's node_modules. */
  readonly binary: string;
  /** Node only: the platforms (`linux-x64` ...) a binary package is pinned for. */
  readonly platforms?: readonly string[];
}
export type RuntimeName = 'node22' | 'node24' | 'deno' | 'bun' | 'workerd';
export const PINS_DIR: string;
export const RUNTIMES: Readonly<Record<RuntimeName, Runtime>>;
export function withoutPnpmScriptVariables(env?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
export function runtimeCacheDir(env?: NodeJS.ProcessEnv): string;
export function runtimeCacheRoot(env?: NodeJS.ProcessEnv): string;
export class RuntimeMissingError extends Error {
  readonly runtime: string;
}
export function runtimeBinary(name: RuntimeName, env?: NodeJS.ProcessEnv): string;
