// Bundles a test entry for the browser with esbuild: the `browser`/`default` conditions, so the
// `#crypto` import resolves to Web Crypto and any Node built-in would fail the build.
import { build, type Plugin } from 'esbuild';

export async function bundleForBrowser(entry: string, plugins: Plugin[] = []): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    minify: true,
    logLevel: 'silent',
    plugins,
  });
  return result.outputFiles[0]!.text;
}
