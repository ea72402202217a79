/**
 * Startup: two of Prism's dependencies are big and unused by this mock's usual work, yet loaded
 * eagerly: @faker-js/faker (every locale; Prism hands it to json-schema-faker for the `x-faker`
 * keyword of dynamic mode) and postman-collection (with its own faker; for Postman documents,
 * which we never load). Together about two thirds of Prism's import time. We put a stand-in into
 * Node's require cache under each module's own resolved path, so the requiring package gets it,
 * and the real module loads on first use. Import this before anything that imports Prism.
 */
import Module, { createRequire } from 'node:module';

type Exports = Record<string | symbol, unknown>;

const here = createRequire(import.meta.url);

function lazyObject(resolve: () => Exports): Exports {
  return new Proxy({}, { get: (_t, key) => resolve()[key], has: (_t, key) => key in resolve() });
}

/** Replaces `specifier`, as `ownerEntry` resolves it, with a stand-in that loads on first use. */
function deferModule(ownerEntry: string, specifier: string): void {
  const ownerRequire = createRequire(ownerEntry);
  const path = ownerRequire.resolve(specifier);
  if (ownerRequire.cache[path] !== undefined) return;
  let real: Exports | undefined;
  const load = (): Exports => {
    if (real === undefined) {
      delete ownerRequire.cache[path];
      real = ownerRequire(specifier) as Exports;
    }
    return real;
  };
  // json-schema-faker's extend() reads `faker.default` at once and keeps it, so the `default`
  // export is a stand-in too; it resolves when the generator first calls into it.
  const lazyDefault = lazyObject(() => load()['default'] as Exports);
  const standIn = new Module(path);
  standIn.filename = path;
  standIn.loaded = true;
  standIn.exports = new Proxy(
    {},
    {
      get: (_t, key) => (key === 'default' ? lazyDefault : load()[key]),
      has: (_t, key) => key in load(),
    },
  );
  ownerRequire.cache[path] = standIn;
}

const prismHttp = here.resolve('@stoplight/prism-http');
deferModule(prismHttp, '@faker-js/faker');
deferModule(
  createRequire(prismHttp).resolve('@stoplight/http-spec/postman/operation'),
  'postman-collection',
);
