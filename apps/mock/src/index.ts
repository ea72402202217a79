export {
  startMock,
  MockStartError,
  TEST_CREDENTIALS,
  type MockOptions,
  type RunningMock,
  type ServiceId,
} from './start-mock.js';
export type { RequestLogEntry } from './service-handler.js';
export { VIOLATIONS_HEADER } from './violations-header.js';
export type { AkSkCredential } from './aksk-verifier.js';
export { StateFileError } from './stateful/state-file.js';
export {
  createControlClient,
  ControlApiError,
  type ControlClient,
  type ControlClientOptions,
  type ControlFault,
  type ControlFaultArm,
  type ControlProjectState,
  type ControlErrorBody,
  type ControlClock,
} from './control-client.js';
