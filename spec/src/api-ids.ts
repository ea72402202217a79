/**
 * The list of APIs: the `apis:` entries of `redocly.yaml`, the one place an API is registered.
 * Keyed by API id; a language variant of an API (an overlay applied to the same root) is not an
 * API of its own and gets no entry here.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** This package's folder (the same from `src/` under test and from the built `lib/`). */
export const SPEC_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface ApiFiles {
  /** The hand-written root document, as `root:` in redocly.yaml (`openapi/<id>/openapi.yaml`). */
  readonly source: string;
  /** The bundle, `dist/<id>.json`, and its YAML twin. */
  readonly bundleJson: string;
  readonly bundleYaml: string;
}

const API_ID = /^[a-z][a-z0-9-]*$/;
const configs = new Map<string, Record<string, { root: string }>>();

function registeredApis(specDir: string): Record<string, { root: string }> {
  let apis = configs.get(specDir);
  if (apis === undefined) {
    const path = join(specDir, 'redocly.yaml');
    const config = parse(readFileSync(path, 'utf8')) as {
      apis?: Record<string, { root?: unknown }>;
    };
    apis = {};
    for (const [id, entry] of Object.entries(config.apis ?? {})) {
      // The id becomes a file name, a CLI flag (--<id>-port) and an environment variable.
      if (!API_ID.test(id)) throw new Error(`${path}: API id "${id}" must match ${API_ID}`);
      if (typeof entry?.root !== 'string') throw new Error(`${path}: apis.${id} has no root`);
      apis[id] = { root: entry.root };
    }
    if (Object.keys(apis).length === 0) throw new Error(`${path} registers no API`);
    configs.set(specDir, apis);
  }
  return apis;
}

/** The registered API ids, in the order redocly.yaml lists them (`['hss', 'dsc', 'secmaster']`). */
export function apiIds(specDir: string = SPEC_DIR): string[] {
  return Object.keys(registeredApis(specDir));
}

export function apiFiles(id: string, specDir: string = SPEC_DIR): ApiFiles {
  const entry = registeredApis(specDir)[id];
  if (entry === undefined)
    throw new Error(`unknown API "${id}"; registered: ${apiIds(specDir).join(', ')}`);
  return {
    source: join(specDir, entry.root),
    bundleJson: join(specDir, 'dist', `${id}.json`),
    bundleYaml: join(specDir, 'dist', `${id}.yaml`),
  };
}
