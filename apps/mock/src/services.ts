/**
 * The three mocked services: where their bundled spec lives, which port they get by default and
 * how each one words a request it rejects (Huawei's services do not share an error-code scheme).
 */
export type ServiceId = 'hss' | 'dsc' | 'secmaster';

export const SERVICE_IDS: readonly ServiceId[] = ['hss', 'dsc', 'secmaster'];

export interface ServiceDefinition {
  readonly id: ServiceId;
  /** Name used in logs and messages. */
  readonly title: string;
  /** Default TCP port: one port per service mirrors one host per service in the real cloud. */
  readonly defaultPort: number;
  /** Export of `@hwsec/spec` holding the bundled OpenAPI document. */
  readonly specExport: string;
  /** `error_code` the real service returns for a request with an invalid parameter. */
  readonly invalidParameterCode: string;
  /** Start of `error_msg` for that error, in the service's own capitalisation. */
  readonly invalidParameterMessage: string;
  /** `error_code` for a body that is not parseable JSON. */
  readonly unparseableBodyCode: string;
  readonly unparseableBodyMessage: string;
}

export const SERVICES: Readonly<Record<ServiceId, ServiceDefinition>> = {
  hss: {
    id: 'hss',
    title: 'HSS',
    defaultPort: 4010,
    specExport: '@hwsec/spec/hss.json',
    // HSS error-code page: HSS.0001 "invalid parameter", HSS.0002 "failed to parse request".
    invalidParameterCode: 'HSS.0001',
    invalidParameterMessage: 'invalid parameter',
    unparseableBodyCode: 'HSS.0002',
    unparseableBodyMessage: 'failed to parse request',
  },
  dsc: {
    id: 'dsc',
    title: 'DSC',
    defaultPort: 4020,
    specExport: '@hwsec/spec/dsc.json',
    // The code DSC documents on CreateProductOrder's 400 example.
    invalidParameterCode: 'dsc.40000011',
    invalidParameterMessage: 'Invalid parameter',
    unparseableBodyCode: 'dsc.40000011',
    unparseableBodyMessage: 'Invalid parameter',
  },
  secmaster: {
    id: 'secmaster',
    title: 'SecMaster',
    defaultPort: 4030,
    specExport: '@hwsec/spec/secmaster.json',
    // SecMaster publishes no error-code list. We use the code and wording of the spec's own
    // illustrative 400 example (spec/…/responses/BadRequest), so mock and spec agree; it is not a
    // code observed from the real service.
    invalidParameterCode: 'SecMaster.00010001',
    invalidParameterMessage: 'Request parameter error',
    unparseableBodyCode: 'SecMaster.00010001',
    unparseableBodyMessage: 'Request parameter error',
  },
};
