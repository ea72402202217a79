// Bundles a test entry for the browser with esbuild: the `browser`/`default` conditions, so the
// `#crypto` import resolves to Web Crypto and any Node built-in would fail the build.
import { dirname, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { coreBuildToSource, coreFromSource, coreWebModule } from './package-paths.js';

// In a mutation run the bundle is made from core's (mutated) source, in its web form.
const webSource: Plugin = {
  name: 'hwsec-core-web-source',
  setup(b) {
    b.onResolve({ filter: /^#(fetch|crypto)$/ }, ({ path }) => ({
      path: coreWebModule(path.slice(1) as 'fetch' | 'crypto'),
    }));
    b.onResolve({ filter: /\/dist\/.*\.js$/ }, ({ path, importer, resolveDir }) => {
      const absolute = resolve(resolveDir || dirname(importer), path);
      const source = coreBuildToSource(absolute);
      return source === absolute ? undefined : { path: source };
    });
  },
};

/**
 * `fromSource: false` keeps core's build even in a mutation run: for code run in another realm,
 * whose own globalThis a mutant is never switched on in.
 */
export async function bundleForBrowser(
  entry: string,
  plugins: Plugin[] = [],
  { fromSource = coreFromSource } = {},
): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    minify: true,
    logLevel: 'silent',
    plugins: fromSource ? [...plugins, webSource] : plugins,
  });
  return result.outputFiles[0]!.text;
}
