// Consumer contract of @hwsec/iam against the mock: the two documented reads the id lookup uses,
// sent through the global client (no project: a baseUrl, no site) with a token and with AK/SK
// (signatures verified by the mock), get the documented answers back as typed data;
// `Prefer: code=400` surfaces as the typed error with Keystone's `{ error: { code, message } }`.
import {
  createIamClient,
  HwsecApiError,
  unwrap,
  type KeystoneErrorResponse,
  type KeystoneListAuthDomainsResponse,
  type KeystoneListProjectsResponse,
} from '@hwsec/iam';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { consumerContract, CREDENTIAL_KINDS, CREDENTIALS, PREFER_400 } from './support/consumer.js';
import { mockUrl } from './support/mock.js';

type Iam = ReturnType<typeof createIamClient>;
const projects = consumerContract<KeystoneErrorResponse>('iam', 'KeystoneListProjects');
const domains = consumerContract<KeystoneErrorResponse>('iam', 'KeystoneListAuthDomains');
type ProjectsInit = NonNullable<Parameters<Iam['keystoneListProjects']>[0]>;
type DomainsInit = NonNullable<Parameters<Iam['keystoneListAuthDomains']>[0]>;

describe.each(CREDENTIAL_KINDS)('@hwsec/iam against the mock, %s credentials', (kind) => {
  const iam = createIamClient({
    baseUrl: mockUrl({ api: 'iam' }),
    credentials: CREDENTIALS[kind],
    env: {},
  });

  it.each(projects.calls)(
    'KeystoneListProjects ($example) returns the spec example',
    async ({ init }) => {
      const result = await iam.keystoneListProjects(init as ProjectsInit);
      expect(result.error).toBeUndefined();
      const data = unwrap(result);
      expectTypeOf(data).toEqualTypeOf<KeystoneListProjectsResponse>();
      expect(data).toEqual(projects.ok);
    },
  );

  it.each(domains.calls)(
    'KeystoneListAuthDomains ($example) returns the spec example',
    async ({ init }) => {
      const result = await iam.keystoneListAuthDomains(init as DomainsInit);
      expectTypeOf(result.data).toEqualTypeOf<KeystoneListAuthDomainsResponse | undefined>();
      expect(result.error).toBeUndefined();
      expect(result.data).toEqual(domains.ok);
    },
  );

  it("Prefer: code=400 surfaces as the typed error with Keystone's error body", async () => {
    const result = await iam.keystoneListProjects({
      ...(projects.calls[0]!.init as ProjectsInit),
      headers: PREFER_400,
    });
    expect(result.response.status).toBe(400);
    expect(result.error).toEqual(projects.badRequest);
    expectTypeOf(result.error).toEqualTypeOf<KeystoneErrorResponse | undefined>();
    let thrown: unknown;
    try {
      unwrap(result);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(HwsecApiError);
    expect(thrown).toMatchObject({
      status: 400,
      errorCode: projects.badRequest.error?.code,
      errorMsg: projects.badRequest.error?.message,
      operation: 'KeystoneListProjects',
      mayHaveBeenProcessed: false,
    });

    const read = await iam.keystoneListAuthDomains({
      ...(domains.calls[0]!.init as DomainsInit),
      headers: PREFER_400,
    });
    expect(read.error).toEqual(domains.badRequest);
  });
});
