// Reference point: only the @hwsec/core signer plus a plain fetch (no openapi-fetch client).
import { createAkSkSigner, formatSdkDate } from '@hwsec/core';

const signer = createAkSkSigner({ accessKey: globalThis.HWSEC_AK, secretKey: globalThis.HWSEC_SK });
const url =
  'https://hss.cn-north-4.myhuaweicloud.com/v5/0123456789abcdef0123456789abcdef/billing/quotas?version=hss.version.basic';
const headers = {
  'content-type': 'application/json',
  'x-project-id': '0123456789abcdef0123456789abcdef',
  'x-sdk-date': formatSdkDate(new Date()),
};
headers.authorization = await signer.sign({ method: 'GET', url, headers });
console.log(await (await fetch(url, { headers })).json());
