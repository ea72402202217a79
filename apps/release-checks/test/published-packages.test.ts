// What `pnpm pack:all` and `pnpm release` ship is read from the workspace: a client added under
// packages/ for an API of the registry is packed without being listed anywhere.
import { readApiRegistry } from '@hwsec/spec';
import { expect, it } from 'vitest';
import { PUBLISHED_PACKAGES } from '../src/tarball/published-packages.js';

it('publishes the spec, core and the client of every API that has one, and no private package', () => {
  const names = PUBLISHED_PACKAGES.map((pkg) => pkg.name);
  const clients = readApiRegistry()
    .apis.map((api) => api.client?.package)
    .filter((name): name is string => name !== undefined);
  expect(clients.length).toBeGreaterThan(0);
  expect(names).toEqual(expect.arrayContaining(['@hwsec/spec', '@hwsec/core', ...clients]));
  expect(names).not.toContain('@hwsec/mock');
  expect(names).not.toContain('@hwsec/client-generator');
  expect(new Set(names).size).toBe(names.length);
});
