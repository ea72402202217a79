// What the browser test loads: the web build of @hwsec/core (Web Crypto, no Node built-ins).
import { createAkSkSigner, isHwsecError } from '../../dist/index.js';
import { createTestClient } from '../support/test-service.js';
import { referenceVectors } from '@hwsec/test-support/vectors';

declare global {
  interface Window {
    hwsec: typeof api;
  }
}

const api = {
  async signReferenceVectors(ak: string, sk: string) {
    const signer = createAkSkSigner({ accessKey: ak, secretKey: sk });
    const out: string[] = [];
    for (const vector of referenceVectors)
      out.push(await signer.sign({ ...vector, headers: { ...vector.headers } }));
    return out;
  },
  async callOrder(ak: string, sk: string, projectId: string) {
    const client = createTestClient({
      baseUrl: location.origin,
      projectId,
      credentials: { accessKey: ak, secretKey: sk },
    });
    const { data, response } = await client.createQuotasOrder({
      body: { resource_spec_code: 'hss.version.enterprise', period_num: 1 },
    });
    return { data, status: response.status };
  },
  /** An order and a read at `baseUrl`, reported as the error each ended with (or ok). */
  async callRedirected(ak: string, sk: string, projectId: string, baseUrl: string) {
    const client = createTestClient({
      baseUrl,
      projectId,
      credentials: { accessKey: ak, secretKey: sk },
    });
    const outcomes = [];
    for (const call of [
      () =>
        client.createQuotasOrder({
          body: { resource_spec_code: 'hss.version.enterprise', period_num: 1 },
        }),
      () => client.showResourceQuotas(),
    ]) {
      try {
        const { response } = await call();
        outcomes.push({ ok: response.status });
      } catch (error) {
        const { kind, status, location, mayHaveBeenProcessed } = error as Record<string, unknown>;
        outcomes.push({ typed: isHwsecError(error), kind, status, location, mayHaveBeenProcessed });
      }
    }
    return outcomes;
  },
};
window.hwsec = api;
