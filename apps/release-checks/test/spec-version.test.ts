import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundlePath, SPEC_APIS, SPEC_DIR, sourcePath } from '../src/spec-layout.js';
import {
  readInfoVersion,
  setInfoVersion,
  specPackageVersion,
  syncSpecVersion,
} from '../src/spec-version.js';

describe('spec info.version follows the @hwsec/spec package version', () => {
  it('agrees in every source document and bundle of this checkout', () => {
    const version = specPackageVersion(SPEC_DIR);
    for (const api of SPEC_APIS) {
      expect(
        readInfoVersion(readFileSync(sourcePath(SPEC_DIR, api), 'utf8')),
        `${api} source`,
      ).toBe(version);
      const bundle = JSON.parse(readFileSync(bundlePath(SPEC_DIR, api), 'utf8'));
      expect(bundle.info.version, `${api} bundle`).toBe(version);
    }
  });

  it('rewrites only the info.version line, keeping comments, quoting and other version keys', () => {
    const text = [
      '# header comment',
      'openapi: 3.1.0',
      'info:',
      '  title: X',
      '  license:',
      '    name: Apache-2.0',
      '    version: keep-me',
      "  version: '0.1.0' # released",
      '  description: |',
      '    version: 9.9.9 in prose',
      'components:',
      '  schemas:',
      '    A:',
      '      properties:',
      '        version: { type: string }',
      '',
    ].join('\n');
    const updated = setInfoVersion(text, '1.2.3');
    expect(updated).toBe(
      text.replace("version: '0.1.0' # released", "version: '1.2.3' # released"),
    );
    expect(readInfoVersion(updated)).toBe('1.2.3');
  });

  it('fails loudly on a document without info.version', () => {
    expect(() => setInfoVersion('openapi: 3.1.0\ninfo:\n  title: X\npaths: {}\n', '1.0.0')).toThrow(
      /no `version:` line/,
    );
    expect(() => setInfoVersion('openapi: 3.1.0\n', '1.0.0')).toThrow(/no top-level `info:`/);
  });

  it('syncs every document of a copied spec to a bumped package version', () => {
    const root = mkdtempSync(join(tmpdir(), 'hwsec-version-sync-'));
    try {
      cpSync(join(SPEC_DIR, 'redocly.yaml'), join(root, 'redocly.yaml'));
      for (const api of SPEC_APIS) {
        mkdirSync(join(root, 'openapi', api), { recursive: true });
        cpSync(sourcePath(SPEC_DIR, api), sourcePath(root, api));
      }
      writeFileSync(
        join(root, 'package.json'),
        JSON.stringify({ name: '@hwsec/spec', version: '0.2.0' }),
      );
      const result = syncSpecVersion(root);
      expect(result.map((r) => r.to)).toEqual(SPEC_APIS.map(() => '0.2.0'));
      for (const api of SPEC_APIS) {
        const before = readFileSync(sourcePath(SPEC_DIR, api), 'utf8');
        const after = readFileSync(sourcePath(root, api), 'utf8');
        expect(readInfoVersion(after)).toBe('0.2.0');
        // Exactly one line differs.
        const diff = after.split('\n').filter((line, index) => line !== before.split('\n')[index]);
        expect(diff).toEqual(['  version: 0.2.0']);
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
