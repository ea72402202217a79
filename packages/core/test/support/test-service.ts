// A two-operation service shaped like the generated ones (a read and an order), so core's client
// machinery is tested without depending on a client package.
import { createServiceClient, type ServiceClientOptions } from '../../dist/index.js';

export interface TestPaths {
  '/v5/{project_id}/billing/quotas': {
    parameters: { query?: never; header?: never; path: { project_id: string }; cookie?: never };
    get: {
      parameters: {
        query?: { version?: string };
        header?: never;
        path: { project_id: string };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: { 'application/json': { total_num?: number } };
        };
        400: {
          headers: { [name: string]: unknown };
          content: { 'application/json': { error_code?: string; error_msg?: string } };
        };
      };
    };
  };
  '/v5/{project_id}/quotas/orders': {
    parameters: { query?: never; header?: never; path: { project_id: string }; cookie?: never };
    post: {
      parameters: {
        query?: never;
        header?: { region?: string };
        path: { project_id: string };
        cookie?: never;
      };
      requestBody: {
        content: { 'application/json': { resource_spec_code: string; period_num: number } };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: { 'application/json': { order_id?: string } };
        };
        400: {
          headers: { [name: string]: unknown };
          content: { 'application/json': { error_code?: string; error_msg?: string } };
        };
      };
    };
  };
  '/v1/{project_id}/subscriptions/orders': {
    parameters: { query?: never; header?: never; path: { project_id: string }; cookie?: never };
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: { project_id: string };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': { product_list: Array<{ resource_size: number }> };
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: { 'application/json': { order_id?: string } };
        };
      };
    };
  };
}

export const testOperations = {
  ShowResourceQuotas: { method: 'get', path: '/v5/{project_id}/billing/quotas' },
  CreateQuotasOrder: {
    method: 'post',
    path: '/v5/{project_id}/quotas/orders',
    integers: ['body.period_num'],
  },
  UpdateSubscriptionOrder: {
    method: 'put',
    path: '/v1/{project_id}/subscriptions/orders',
    integers: ['body.product_list[].resource_size'],
  },
} as const;

export const testServers = [
  { url: 'https://hss.{region}.myhuaweicloud.com', regions: ['cn-north-4', 'ap-southeast-1'] },
  { url: 'https://hss.{region}.myhuaweicloud.eu', regions: ['eu-west-101'] },
] as const;

export function createTestClient(
  options: ServiceClientOptions<'cn-north-4' | 'ap-southeast-1' | 'eu-west-101'>,
) {
  return createServiceClient<TestPaths, typeof testOperations>(options, {
    servers: testServers,
    operations: testOperations,
  });
}
