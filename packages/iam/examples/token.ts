import { createIamClient, unwrap, HwsecApiError } from '@hwsec/iam';

// IAM token (HWSEC_IAM_TOKEN; Huawei's SDKs define no variable for tokens): sent as X-Auth-Token,
// no X-Domain-Id. The site picks the endpoint: cn and intl share iam.myhuaweicloud.com, eu has
// its own. Both calls are reads, retried on 429/502/503/504 and network errors.
const iam = createIamClient({
  site: 'eu',
  credentials: { token: process.env['HWSEC_IAM_TOKEN']! },
});

// Reads answer { data, error }; IAM's errors come in Keystone's shape: { error: { code, ... } }.
const domains = await iam.keystoneListAuthDomains();
if (domains.error) console.error(domains.error.error?.code, domains.error.error?.message);
else console.log(domains.data.domains?.map((d) => d.id));

// Every enabled project of the account, page by page. unwrap() throws HwsecApiError.
try {
  for (let page = 1; ; page++) {
    const { projects = [] } = unwrap(
      await iam.keystoneListProjects({ params: { query: { enabled: true, page, per_page: 100 } } }),
    );
    for (const project of projects) console.log(project.name, project.id);
    if (projects.length < 100) break;
  }
} catch (e) {
  if (e instanceof HwsecApiError) console.error(e.status, e.errorCode, e.errorMsg);
  else throw e;
}
