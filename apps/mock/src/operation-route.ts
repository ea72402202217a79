/**
 * Which operation of an API a request's method and path reach, found from the operations Prism
 * read from the API's document (so it holds for every API of the registry, global ones too).
 * Literal segments win over `{parameters}`, as a router would decide.
 */
import type { HttpOperations } from './prism-engine.js';

export interface OperationRoute {
  readonly operationId: string;
  /** The operation's path template, e.g. `/v5/{project_id}/quotas/orders`. */
  readonly template: string;
  /** The `{project_id}` the path names; undefined for global APIs (BSS, IAM). */
  readonly projectId: string | undefined;
  /** Every path parameter, decoded. */
  readonly params: Readonly<Record<string, string>>;
}

interface CompiledOperation {
  readonly method: string;
  readonly operationId: string;
  readonly template: string;
  readonly pattern: RegExp;
  readonly names: readonly string[];
}

function compile(operation: HttpOperations[number]): CompiledOperation | undefined {
  if (operation.iid === undefined) return undefined;
  const names: string[] = [];
  const source = operation.path
    .split(/(\{[^}]+\})/)
    .map((part) => {
      if (!part.startsWith('{')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(part.slice(1, -1));
      return '([^/]+)';
    })
    .join('');
  return {
    method: operation.method.toUpperCase(),
    operationId: operation.iid,
    template: operation.path,
    pattern: new RegExp(`^${source}$`),
    names,
  };
}

function decoded(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

export class OperationRouter {
  private readonly compiled: readonly CompiledOperation[];

  constructor(operations: HttpOperations) {
    this.compiled = operations
      .map(compile)
      .filter((o): o is CompiledOperation => o !== undefined)
      .sort((a, b) => a.names.length - b.names.length);
  }

  get operationIds(): ReadonlySet<string> {
    return new Set(this.compiled.map((o) => o.operationId));
  }

  /** The operation the request reaches; undefined when none does or a parameter is not decodable. */
  route(method: string, path: string): OperationRoute | undefined {
    const upper = method.toUpperCase();
    for (const operation of this.compiled) {
      if (operation.method !== upper) continue;
      const match = operation.pattern.exec(path);
      if (!match) continue;
      const params: Record<string, string> = {};
      for (const [index, name] of operation.names.entries()) {
        const value = decoded(match[index + 1]!);
        if (value === undefined) return undefined;
        params[name] = value;
      }
      return {
        operationId: operation.operationId,
        template: operation.template,
        projectId: params['project_id'],
        params,
      };
    }
    return undefined;
  }
}

const routers = new WeakMap<HttpOperations, OperationRouter>();

/** The router of these operations, compiled once per list. */
export function routerOf(operations: HttpOperations): OperationRouter {
  let router = routers.get(operations);
  if (!router) routers.set(operations, (router = new OperationRouter(operations)));
  return router;
}
