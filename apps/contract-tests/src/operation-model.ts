// The suite's model of every operation of every registered API: the @hwsec/spec lister's
// operations with their parameters, request body and responses resolved into what the case
// engine needs, so the rest of the suite can iterate "all operations" without naming one.
import { apiIds, listOperations, loadBundle } from '@hwsec/spec';
import { deref, type JsonSchema } from './json-schema.js';

/** An API id of the @hwsec/spec registry. */
export type ApiName = string;

export interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, JsonSchema>; [section: string]: unknown };
  [key: string]: unknown;
}

export type ParameterLocation = 'path' | 'query' | 'header';

export interface Parameter {
  name: string;
  in: ParameterLocation;
  required: boolean;
  schema: JsonSchema;
  /** The parameter's documented example (`example`, else the first of `examples`). */
  example: unknown;
}

export interface NamedExample {
  name: string;
  value: unknown;
}

export interface Operation {
  api: ApiName;
  document: OpenApiDocument;
  operationId: string;
  method: 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';
  path: string;
  parameters: Parameter[];
  requestBody?: { required: boolean; schema: JsonSchema; examples: NamedExample[] };
  /** Per status code: the JSON schema and examples of the response body. */
  responses: Record<string, { schema?: JsonSchema; examples: NamedExample[] }>;
}

interface MediaObject {
  schema?: JsonSchema;
  example?: unknown;
  examples?: Record<string, { value: unknown } | { $ref: string }>;
}

function examplesOf(document: OpenApiDocument, media: MediaObject | undefined): NamedExample[] {
  if (!media) return [];
  if (media.examples) {
    return Object.entries(media.examples).map(([name, example]) => ({
      name,
      value: deref<{ value: unknown }>(document, example).value,
    }));
  }
  return media.example === undefined ? [] : [{ name: 'example', value: media.example }];
}

function parameterOf(document: OpenApiDocument, raw: object): Parameter {
  const p = deref<{
    name: string;
    in: string;
    required?: boolean;
    schema: JsonSchema;
    example?: unknown;
    examples?: Record<string, { value: unknown }>;
  }>(document, raw);
  if (p.in !== 'path' && p.in !== 'query' && p.in !== 'header')
    throw new Error(`parameter in ${p.in} not modelled`);
  const firstExample = p.examples ? Object.values(p.examples)[0]?.value : undefined;
  return {
    name: p.name,
    in: p.in,
    required: p.required ?? false,
    schema: p.schema,
    example: p.example ?? firstExample ?? p.schema.example,
  };
}

export function operationsOf(api: ApiName): Operation[] {
  const document = loadBundle(api) as OpenApiDocument;
  return listOperations(document).map(
    ({ method, path, operationId, operation: raw, parameters }) => {
      const body = raw['requestBody']
        ? deref<{ required?: boolean; content: Record<string, MediaObject> }>(
            document,
            raw['requestBody'] as object,
          )
        : undefined;
      const json = body?.content['application/json'];
      const responses: Operation['responses'] = {};
      for (const [status, response] of Object.entries(raw['responses'] as Record<string, object>)) {
        const media = deref<{ content?: Record<string, MediaObject> }>(document, response)
          .content?.['application/json'];
        responses[status] = {
          ...(media?.schema && { schema: media.schema }),
          examples: examplesOf(document, media),
        };
      }
      return {
        api,
        document,
        operationId: operationId as string,
        method,
        path,
        parameters: parameters.map((p: object) => parameterOf(document, p)),
        ...(json?.schema && {
          requestBody: {
            required: body?.required ?? false,
            schema: json.schema,
            examples: examplesOf(document, json),
          },
        }),
        responses,
      };
    },
  );
}

export const allOperations = (): Operation[] => apiIds().flatMap(operationsOf);

/**
 * The operation's documented success: its first 2xx status (204 for BSS PayOrders) and that
 * answer's examples (none for a 204, whose body is empty).
 */
export function successOf(operation: Operation): { status: number; examples: unknown[] } {
  const status = Object.keys(operation.responses).find((code) => /^2\d\d$/.test(code));
  if (status === undefined) throw new Error(`${operation.operationId} documents no 2xx answer`);
  return {
    status: Number(status),
    examples: operation.responses[status]!.examples.map((example) => example.value),
  };
}
