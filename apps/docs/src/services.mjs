// The APIs the site documents, in the order the landing page lists them: the @hwsec/spec
// registry's, never a list of our own. Names, the client package and the mock's port are the
// spec's `x-hwsec-*` facts (spec/README.md, "Extensions").
import { readApiRegistry } from '@hwsec/spec';

export const services = readApiRegistry().apis.map((api) => ({
  id: api.id,
  name: api.name,
  title: api.title,
  clientPackage: api.client?.package,
  clientFactory: api.client?.factory,
  mockPort: api.mockPort,
}));
