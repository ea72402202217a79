/**
 * Keeps `info.version` of every API document equal to the @hwsec/spec package version, so that
 * the spec a user downloads says which release it is. `changeset version` bumps package.json;
 * this then rewrites the one `version:` line of each `info:` block and leaves everything else
 * (comments, order, quoting) untouched.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SPEC_APIS, sourcePath, type SpecApi } from './spec-layout.js';

export function specPackageVersion(specDir: string): string {
  const version = (
    JSON.parse(readFileSync(join(specDir, 'package.json'), 'utf8')) as { version?: unknown }
  ).version;
  if (typeof version !== 'string') throw new Error(`${specDir}/package.json has no version`);
  return version;
}

export function readInfoVersion(yamlText: string): string | undefined {
  const document = parse(yamlText) as { info?: { version?: unknown } } | null;
  const version = document?.info?.version;
  return version === undefined ? undefined : String(version);
}

/** Returns the text with `info.version` set; throws if the document has no such line. */
export function setInfoVersion(yamlText: string, version: string): string {
  const lines = yamlText.split('\n');
  const infoLine = lines.findIndex((line) => /^info:\s*(#.*)?$/.test(line));
  if (infoLine < 0) throw new Error('no top-level `info:` block');
  let indent: string | undefined;
  for (let index = infoLine + 1; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const lineIndent = /^(\s*)/.exec(line)![1]!;
    if (lineIndent === '') break; // next top-level key: the info block ended
    indent ??= lineIndent;
    if (lineIndent !== indent) continue; // nested inside info (license, contact, description)
    const match = /^(\s+version:\s*)(['"]?)[^'"#\s]*\2(\s*(#.*)?)$/.exec(line);
    if (match) {
      lines[index] = `${match[1]}${match[2]}${version}${match[2]}${match[3]}`;
      return lines.join('\n');
    }
  }
  throw new Error('`info:` block has no `version:` line');
}

export interface VersionSync {
  readonly api: SpecApi;
  readonly from: string | undefined;
  readonly to: string;
}

export function syncSpecVersion(specDir: string): VersionSync[] {
  const version = specPackageVersion(specDir);
  return SPEC_APIS.map((api) => {
    const path = sourcePath(specDir, api);
    const text = readFileSync(path, 'utf8');
    const from = readInfoVersion(text);
    if (from !== version) {
      const updated = setInfoVersion(text, version);
      if (readInfoVersion(updated) !== version)
        throw new Error(`could not set info.version in ${path}`);
      writeFileSync(path, updated);
    }
    return { api, from, to: version };
  });
}
