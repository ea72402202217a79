// Runs the mock in a child process (so a load test measures the mock, not a shared event loop):
// starts it on ephemeral ports, sends the base URLs to the parent over IPC, and stops when the
// parent disconnects.
import { startMock } from '@hwsec/mock';

const mock = await startMock({ ports: { hss: 0, dsc: 0, secmaster: 0 } });
process.send?.({ urls: mock.urls });
process.on('disconnect', () => void mock.close().then(() => process.exit(0)));
