/**
 * Startup: Prism's generator requires @faker-js/faker (every locale, about 90% of Prism's
 * import time) only to hand it to json-schema-faker for the `x-faker` keyword, which the static
 * mock never uses. We put a stand-in into Node's require cache under faker's own path, so
 * Prism's `require` gets it; the real module loads on first use, i.e. when a dynamic body
 * actually needs faker. Must be imported before anything that imports @stoplight/prism-http.
 */
import Module, { createRequire } from 'node:module';

const prismRequire = createRequire(createRequire(import.meta.url).resolve('@stoplight/prism-http'));
const fakerPath = prismRequire.resolve('@faker-js/faker');

if (prismRequire.cache[fakerPath] === undefined) {
  let real: Record<string, unknown> | undefined;
  const load = (): Record<string, unknown> => {
    if (real === undefined) {
      delete prismRequire.cache[fakerPath];
      real = prismRequire('@faker-js/faker') as Record<string, unknown>;
    }
    return real;
  };
  const standIn = new Module(fakerPath);
  standIn.filename = fakerPath;
  standIn.loaded = true;
  // json-schema-faker's extend() reads `faker.default` at once and keeps it, so that object is a
  // stand-in too; it resolves when the generator first calls into faker.
  const lazyObject = (resolve: () => Record<string, unknown>) =>
    new Proxy({}, { get: (_t, key) => resolve()[key as string], has: (_t, key) => key in resolve() });
  const lazyDefault = lazyObject(() => load()['default'] as Record<string, unknown>);
  standIn.exports = new Proxy({}, { get: (_t, key) => (key === 'default' ? lazyDefault : load()[key as string]), has: (_t, key) => key in load() });
  prismRequire.cache[fakerPath] = standIn;
}
