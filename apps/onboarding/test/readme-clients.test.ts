// Every client's README (each client the API registry names): its examples shown verbatim and
// run against the real mock. Here rather than in the client's own package, so that no client
// depends on the mock (the mock's flow tests depend on the clients).
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { startMock } from '@hwsec/mock';
import { apiIds, listOperations, loadBundle, readApiRegistry } from '@hwsec/spec';
import { describeReadmeExamples } from '@hwsec/test-support/readme-examples';
import { describe } from 'vitest';

const require = createRequire(import.meta.url);
const everyApiOnAFreePort = Object.fromEntries(apiIds().map((id) => [id, 0]));

for (const api of readApiRegistry().apis) {
  if (!api.client) continue;
  const packageDir = dirname(require.resolve(`${api.client.package}/package.json`));
  const operations = Object.fromEntries(
    listOperations(loadBundle(api.id)).map(({ operationId }) => [operationId, true]),
  );
  describe(api.client.package, () => {
    describeReadmeExamples(pathToFileURL(`${packageDir}/`), operations, (options) =>
      startMock({ ...options, ports: everyApiOnAFreePort }),
    );
  });
}
