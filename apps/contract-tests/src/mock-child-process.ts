// Runs the mock in a child process (so a load check measures the mock, not a shared event loop):
// starts every registered API on ephemeral ports, sends the base URLs to the parent over IPC,
// and stops when the parent disconnects.
import { startMock } from '@hwsec/mock';
import { apiIds } from '@hwsec/spec';

const mock = await startMock({ ports: Object.fromEntries(apiIds().map((id) => [id, 0])) });
process.send?.({ urls: mock.urls });
process.on('disconnect', () => void mock.close().then(() => process.exit(0)));
