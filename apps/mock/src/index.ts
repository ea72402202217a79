export {
  startMock,
  MockStartError,
  TEST_CREDENTIALS,
  type MockOptions,
  type RunningMock,
  type ServiceId,
} from './start-mock.js';
export { VIOLATIONS_HEADER, type RequestLogEntry } from './service-handler.js';
export type { AkSkCredential } from './aksk-verifier.js';
