// Run by client-config.test.ts in a realm without a usable process.env (bundled for the browser):
// an explicitly configured client works; one that relies on the environment is refused, typed.
import { createServiceClient, HwsecConfigError } from '../../dist/index.js';
import { testOperations, testServers, type TestPaths } from './test-service.js';

declare const report: (line: string) => void;

const service = { id: 'hss', servers: testServers, operations: testOperations };
const explicit = createServiceClient<TestPaths, typeof testOperations>(
  {
    region: 'cn-north-4',
    projectId: '0123456789abcdef0123456789abcdef',
    credentials: { token: 't' },
    fetch: async () => new Response('{}', { headers: { 'content-type': 'application/json' } }),
  },
  service,
);
explicit.showResourceQuotas().then(
  ({ response }) => report(`explicit: ${response.status}`),
  (error: Error) => report(`explicit: ${error.name} ${error.message}`),
);
try {
  createServiceClient({ region: 'cn-north-4', projectId: 'p' }, service);
  report('env-only: created');
} catch (error) {
  report(
    error instanceof HwsecConfigError
      ? `env-only: ${error.name} ${error.option}`
      : `env-only: ${String(error)}`,
  );
}
