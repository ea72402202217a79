import { createHssClient } from '@hwsec/hss';

const hss = createHssClient({
  region: 'cn-north-4',
  projectId: process.env.HWSEC_PROJECT_ID ?? '',
  credentials: {
    accessKey: process.env.HWSEC_ACCESS_KEY ?? '',
    secretKey: process.env.HWSEC_SECRET_KEY ?? '',
  },
});

const { data, error } = await hss.showResourceQuotas({
  params: { query: { version: 'hss.version.basic' } },
});
if (error) {
  throw new Error(`${error.error_code}: ${error.error_msg}`);
}
for (const quota of data.data_list ?? []) {
  console.log(quota.version, `${quota.available_num} of ${quota.total_num} available`);
}
