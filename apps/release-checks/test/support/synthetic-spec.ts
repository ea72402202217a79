/**
 * A tiny OpenAPI 3.1 document with one POST (request body via $ref), one GET with parameters
 * and a response schema, for turning one knob at a time in the rule tests.
 */
import type { JsonObject } from '../../src/breaking/types.js';

export function syntheticSpec(): Record<string, any> {
  return {
    openapi: '3.1.0',
    info: { title: 'synthetic', version: '1.0.0' },
    servers: [
      {
        url: 'https://x.{region}.example',
        variables: { region: { default: 'r1', enum: ['r1', 'r2'] } },
      },
    ],
    paths: {
      '/v1/{project_id}/orders': {
        parameters: [{ $ref: '#/components/parameters/project_id' }],
        post: {
          operationId: 'CreateOrder',
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: { $ref: '#/components/schemas/OrderRequest' } },
            },
          },
          responses: {
            '200': {
              description: 'ok',
              content: {
                'application/json': { schema: { $ref: '#/components/schemas/OrderResponse' } },
              },
            },
            '400': {
              description: 'bad',
              content: {
                'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } },
              },
            },
          },
        },
        get: {
          operationId: 'ListOrders',
          parameters: [
            {
              name: 'limit',
              in: 'query',
              required: false,
              schema: { type: 'integer', minimum: 1, maximum: 100 },
            },
            {
              name: 'status',
              in: 'query',
              required: false,
              schema: { type: 'string', enum: ['open', 'closed'] },
            },
          ],
          responses: {
            '200': {
              description: 'ok',
              content: {
                'application/json': {
                  schema: { type: 'array', items: { $ref: '#/components/schemas/OrderResponse' } },
                },
              },
            },
          },
        },
      },
    },
    components: {
      parameters: {
        project_id: {
          name: 'project_id',
          in: 'path',
          required: true,
          schema: { type: 'string', minLength: 1, maxLength: 64 },
        },
      },
      schemas: {
        OrderRequest: {
          type: 'object',
          required: ['spec_code', 'period_num'],
          properties: {
            spec_code: { type: 'string', enum: ['basic', 'pro'] },
            period_num: { type: 'integer', minimum: 1, maximum: 12 },
            name: { type: 'string', maxLength: 64 },
            auto_pay: { type: 'boolean' },
            tags: { type: 'array', maxItems: 5, items: { type: 'string' } },
          },
        },
        OrderResponse: {
          type: 'object',
          required: ['order_id', 'state'],
          properties: {
            order_id: { type: 'string' },
            state: { type: 'string', enum: ['PENDING', 'PAID'] },
            amount: { type: 'number', minimum: 0, maximum: 1000 },
            note: { type: 'string' },
          },
        },
        ErrorResponse: {
          type: 'object',
          required: ['error_code'],
          properties: { error_code: { type: 'string' }, error_msg: { type: 'string' } },
        },
      },
    },
  } satisfies JsonObject;
}
