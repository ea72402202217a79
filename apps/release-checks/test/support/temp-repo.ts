/**
 * A throwaway copy of the parts of the repository the spec gate reads: spec/package.json,
 * spec/redocly.yaml (the list of APIs), spec/dist/<api>.json, the baseline and .changeset/. Tests edit the copy, never the real tree.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BASELINE_DIR,
  bundlePath,
  SPEC_APIS,
  SPEC_DIR,
  type SpecApi,
} from '../../src/spec-layout.js';

export interface TempRepo {
  readonly root: string;
  readonly specDir: string;
  readonly baselineDir: string;
  editBundle(api: SpecApi, edit: (document: any) => void): void;
  addChangeset(name: string, frontmatter: string): void;
  setSpecVersion(version: string): void;
  remove(): void;
}

export function createTempRepo(): TempRepo {
  const root = mkdtempSync(join(tmpdir(), 'hwsec-spec-gate-'));
  const specDir = join(root, 'spec');
  const baselineDir = join(root, 'baseline');
  mkdirSync(join(specDir, 'dist'), { recursive: true });
  mkdirSync(join(root, '.changeset'));
  writeFileSync(join(root, '.changeset', 'config.json'), '{}');
  cpSync(join(SPEC_DIR, 'package.json'), join(specDir, 'package.json'));
  cpSync(join(SPEC_DIR, 'redocly.yaml'), join(specDir, 'redocly.yaml'));
  for (const api of SPEC_APIS) cpSync(bundlePath(SPEC_DIR, api), bundlePath(specDir, api));
  cpSync(BASELINE_DIR, baselineDir, { recursive: true });
  return {
    root,
    specDir,
    baselineDir,
    editBundle(api, edit) {
      const path = bundlePath(specDir, api);
      const document = JSON.parse(readFileSync(path, 'utf8'));
      edit(document);
      writeFileSync(path, JSON.stringify(document, null, 2));
    },
    addChangeset(name, frontmatter) {
      writeFileSync(
        join(root, '.changeset', `${name}.md`),
        `---\n${frontmatter}\n---\n\nA change.\n`,
      );
    },
    setSpecVersion(version) {
      const path = join(specDir, 'package.json');
      writeFileSync(
        path,
        JSON.stringify({ ...JSON.parse(readFileSync(path, 'utf8')), version }, null, 2),
      );
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
