import { createIamClient, unwrap } from '@hwsec/iam';

// AK/SK, read the way Huawei's SDKs read them: HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK (and
// HUAWEICLOUD_SDK_SECURITY_TOKEN for temporary credentials). IAM is used as a global service here:
// a site instead of a region, and no project. The account id (HUAWEICLOUD_SDK_DOMAIN_ID, or the
// domainId option) is signed as X-Domain-Id when set. HWSEC_IAM_BASE_URL points it at the mock.
const iam = createIamClient({ site: 'intl', timeoutMs: 10_000, userAgent: 'my-app/1.0' });

// KeystoneListAuthDomains: the account this AK/SK belongs to, i.e. the domain id that the global
// services (BSS) sign as X-Domain-Id.
const { domains } = unwrap(await iam.keystoneListAuthDomains());
const [domain] = domains ?? [];
console.log('domain', domain?.id, domain?.name);

// KeystoneListProjects: a region's project is named after the region. Exactly one is expected;
// the client never creates one (HUAWEICLOUD_SDK_PROJECT_ID for the regional clients).
const { projects } = unwrap(
  await iam.keystoneListProjects({
    params: { query: { name: 'ap-southeast-1' } },
  }),
);
if (projects?.length !== 1) throw new Error(`expected one project, found ${projects?.length}`);
console.log('project', projects[0]!.id);
