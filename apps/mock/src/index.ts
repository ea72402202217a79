export {
  startMock,
  MockStartError,
  TEST_CREDENTIALS,
  type MockOptions,
  type RunningMock,
} from './start-mock.js';
export { SERVICES, SERVICE_IDS, type ServiceId, type ServiceDefinition } from './services.js';
export { VIOLATIONS_HEADER, type RequestLogEntry } from './service-handler.js';
export type { AkSkCredential } from './aksk-verifier.js';
