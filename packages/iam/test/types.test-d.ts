// Type tests (checked by `tsc -p tsconfig.json`): the operation methods take and return the
// spec's types, and a wrong field or type, a write the client does not have, a regional option
// or an unknown operation does not compile. Each `@ts-expect-error` sits on the line before the
// exact line that must fail.
import { expectTypeOf } from 'vitest';
import {
  createIamClient,
  unwrap,
  HwsecApiError,
  type IamSite,
  type KeystoneErrorResponse,
  type KeystoneListProjectsResponse,
  type KeystoneListAuthDomainsResponse,
  type ProjectResult,
} from '../src/generated/index.js';

const iam = createIamClient({ site: 'cn', credentials: { token: 't' } });

// --- KeystoneListProjects ---
const projects = await iam.keystoneListProjects({
  params: { query: { name: 'cn-north-4', enabled: true, page: 1, per_page: 100 } },
});
expectTypeOf(projects.data).toEqualTypeOf<KeystoneListProjectsResponse | undefined>();
expectTypeOf(unwrap(projects).projects).toEqualTypeOf<ProjectResult[] | undefined>();
expectTypeOf<ProjectResult['id']>().toEqualTypeOf<string>();
await iam.keystoneListProjects(); // every parameter is optional

// @ts-expect-error per_page is a number, not a string
await iam.keystoneListProjects({ params: { query: { per_page: '100' } } });
// @ts-expect-error enabled is a boolean, not the string "true"
await iam.keystoneListProjects({ params: { query: { enabled: 'true' } } });
// @ts-expect-error wrong field name (Keystone's is name)
await iam.keystoneListProjects({ params: { query: { project_name: 'cn-north-4' } } });

// --- KeystoneListAuthDomains: no parameters ---
const domains = await iam.keystoneListAuthDomains();
expectTypeOf(domains.data).toEqualTypeOf<KeystoneListAuthDomainsResponse | undefined>();
// The error body is Keystone's own shape, not error_code/error_msg.
if (domains.error) expectTypeOf(domains.error).toExtend<KeystoneErrorResponse>();
// @ts-expect-error KeystoneListAuthDomains takes no query
await iam.keystoneListAuthDomains({ params: { query: { name: 'x' } } });

// --- read-only: one method per lookup, nothing that creates ---
// @ts-expect-error the client never creates a project
void iam.keystoneCreateProject;
// @ts-expect-error unknown operation
void iam.keystoneListUsers;
// @ts-expect-error no write through the raw client either: the spec has no POST /v3/projects
await iam.POST('/v3/projects', { body: { name: 'cn-north-4' } });

// --- options: a global service takes a site, never a region or a project ---
expectTypeOf<IamSite>().toEqualTypeOf<'cn' | 'intl' | 'eu'>();
createIamClient({ site: 'intl', credentials: { accessKey: 'a', secretKey: 's' } });
createIamClient({ baseUrl: 'http://127.0.0.1:4050', domainId: 'd', env: {} });
createIamClient({ site: 'eu' }); // credentials and domainId may come from the environment
// @ts-expect-error unknown site
createIamClient({ site: 'cn-north-4' });
// @ts-expect-error site or baseUrl is required (HWSEC_IAM_BASE_URL only overrides)
createIamClient({ credentials: { token: 't' } });
// @ts-expect-error no region option: IAM is used as a global service
createIamClient({ site: 'cn', region: 'cn-north-4' });
// @ts-expect-error no projectId: the project is what these lookups find
createIamClient({ site: 'cn', projectId: 'p' });
// @ts-expect-error env values are strings
createIamClient({ site: 'cn', env: { HUAWEICLOUD_SDK_DOMAIN_ID: 1 } });

declare const caught: unknown;
if (caught instanceof HwsecApiError) {
  expectTypeOf(caught.status).toEqualTypeOf<number>();
  // Reads: never an order that may have been placed, yet the field is there like on every error.
  expectTypeOf(caught.mayHaveBeenProcessed).toEqualTypeOf<boolean>();
}
