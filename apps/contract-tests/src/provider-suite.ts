// The provider contract: every documented example request goes through the mock's validating
// proxy (Prism `proxy --errors`) to the provider, and each answer is judged twice, by Prism and
// by Ajv against the bundle, so a Prism validation gap cannot hide a broken response.
import { createAkSkSigner } from '@hwsec/core';
import type { ProviderAuth } from './provider-config.js';
import type { ApiName, Operation } from './operation-model.js';
import { exampleInput, send, toWire, type WireRequest } from './request-input.js';
import { createSchemaValidator } from './schema-validator.js';
import { fieldPath } from './single-violations.js';

export interface ProviderTarget {
  /** Base URL of the validating proxy per API (the mock started with `proxy`). */
  proxyUrls: Partial<Record<ApiName, string>>;
  /** Base URL of the provider itself per API: AK/SK signatures must name its host. */
  upstreamUrls: Partial<Record<ApiName, string>>;
  auth: ProviderAuth;
  projectId: string;
  /** Orders (POST/PUT) create real orders on a real account: only with explicit permission. */
  allowOrders: boolean;
}

export interface ProviderFinding {
  operationId: string;
  example: string;
  status: number;
  /** Problems with the response, as `response.body.order_status (enum): …`; empty = conforms. */
  problems: string[];
}

interface PrismViolation {
  location?: string[];
  severity?: string;
  code?: string | number;
  message?: string;
}

function prismProblems(body: unknown, header: string | null): string[] {
  const fromBody = (body as { validation?: PrismViolation[] } | undefined)?.validation ?? [];
  let fromHeader: PrismViolation[] = [];
  try {
    fromHeader = header ? (JSON.parse(header) as PrismViolation[]) : [];
  } catch {
    fromHeader = [{ location: ['response'], severity: 'Error', message: header ?? '' }];
  }
  const problems = [...fromBody, ...fromHeader]
    .filter((v) => v.severity === 'Error' && v.location?.[0] === 'response')
    .map((v) => `${fieldPath(v.location ?? [])} (${String(v.code)}): ${v.message ?? ''}`);
  // The 422 body and the violations header carry the same list.
  return [...new Set(problems)];
}

async function authenticate(
  request: WireRequest,
  auth: ProviderAuth,
  upstreamBase: string,
  proxyBase: string,
): Promise<void> {
  if (auth.kind === 'token') {
    request.headers['X-Auth-Token'] = auth.token;
    return;
  }
  // The proxy forwards path, query, body and headers unchanged, minus Host: sign for the provider.
  if (auth.securityToken) request.headers['X-Security-Token'] = auth.securityToken;
  const signer = createAkSkSigner({ accessKey: auth.accessKey, secretKey: auth.secretKey });
  const upstreamUrl = upstreamBase + request.url.slice(proxyBase.length);
  request.headers['Authorization'] = await signer.sign({
    method: request.method,
    url: new URL(upstreamUrl).href,
    headers: request.headers,
    body: request.body,
  });
}

export function providerOperations(
  operations: readonly Operation[],
  allowOrders: boolean,
): Operation[] {
  return operations.filter((o) => allowOrders || o.method === 'get');
}

export async function runProviderSuite(
  operations: readonly Operation[],
  target: ProviderTarget,
): Promise<ProviderFinding[]> {
  const findings: ProviderFinding[] = [];
  for (const operation of providerOperations(operations, target.allowOrders)) {
    const proxy = target.proxyUrls[operation.api];
    const upstream = target.upstreamUrls[operation.api];
    if (!proxy || !upstream) continue;
    const validate = createSchemaValidator(operation.document);
    const bodyExamples = operation.requestBody?.examples.map((e) => e.name) ?? ['(no body)'];
    for (const example of bodyExamples) {
      const input = exampleInput(operation, operation.requestBody ? { bodyExample: example } : {});
      if ('project_id' in input.path) input.path['project_id'] = target.projectId;
      const request = toWire(operation, input, proxy, { 'X-Project-Id': target.projectId });
      await authenticate(request, target.auth, upstream, proxy);
      const response = await send(request);
      const problems = prismProblems(response.body, response.headers.get('x-hwsec-violations'));
      const declared = operation.responses[String(response.status)];
      if (response.status === 422 && problems.length > 0) {
        // Prism already refused the response; its violations say why.
      } else if (!declared) {
        problems.push(`response (status): ${response.status} is not a status the spec declares`);
      } else if (declared.schema) {
        for (const issue of validate(declared.schema, response.body)) {
          problems.push(
            `${fieldPath(['response', 'body', ...issue.path])} (${issue.keyword}): ${issue.message} [ajv]`,
          );
        }
      }
      findings.push({
        operationId: operation.operationId,
        example,
        status: response.status,
        problems,
      });
    }
  }
  return findings;
}
