/**
 * The release gate for the spec: compares the current bundles with the baseline (the bundles of
 * the last released @hwsec/spec) and allows breaking changes only when the release carries a
 * major bump, either declared by a pending changeset or already applied by `changeset version`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { breakingOnly, compareSpecs } from './breaking/compare-specs.js';
import type { JsonObject, SpecChange } from './breaking/types.js';
import { declaredBumps } from './changesets/declared-bumps.js';
import { baselinePath, bundlePath, SPEC_APIS, SPEC_PACKAGE, type SpecApi } from './spec-layout.js';

export interface SpecCompatOptions {
  /** Folder holding `.changeset/`. */
  readonly repoRoot: string;
  /** The @hwsec/spec package folder (its `package.json` and `dist/<api>.json`). */
  readonly specDir: string;
  readonly baselineDir: string;
  readonly apis?: readonly SpecApi[];
}

export interface ApiCompat {
  readonly api: SpecApi;
  /** False for an API that has no baseline yet (never released): nothing to break. */
  readonly hasBaseline: boolean;
  readonly changes: readonly SpecChange[];
  readonly breaking: readonly SpecChange[];
}

export interface SpecCompatReport {
  readonly apis: readonly ApiCompat[];
  readonly baselineVersion: string | undefined;
  readonly currentVersion: string;
  readonly majorDeclared: boolean;
  readonly majorApplied: boolean;
  readonly ok: boolean;
}

function readJson(path: string): JsonObject {
  return JSON.parse(readFileSync(path, 'utf8')) as JsonObject;
}

function majorOf(version: string): number {
  const major = Number.parseInt(version.split('.')[0] ?? '', 10);
  if (Number.isNaN(major)) throw new Error(`not a semver version: ${version}`);
  return major;
}

function infoVersion(document: JsonObject): string | undefined {
  const info = document.info as JsonObject | undefined;
  return typeof info?.version === 'string' ? info.version : undefined;
}

export async function checkSpecCompat(options: SpecCompatOptions): Promise<SpecCompatReport> {
  const apis: ApiCompat[] = [];
  let baselineVersion: string | undefined;
  for (const api of options.apis ?? SPEC_APIS) {
    const current = bundlePath(options.specDir, api);
    if (!existsSync(current))
      throw new Error(
        `${current} is missing: run \`pnpm exec turbo run bundle --filter ${SPEC_PACKAGE}\``,
      );
    const base = baselinePath(options.baselineDir, api);
    if (!existsSync(base)) {
      apis.push({ api, hasBaseline: false, changes: [], breaking: [] });
      continue;
    }
    const baseline = readJson(base);
    baselineVersion ??= infoVersion(baseline);
    const changes = compareSpecs(baseline, readJson(current));
    apis.push({ api, hasBaseline: true, changes, breaking: breakingOnly(changes) });
  }

  const currentVersion = String(readJson(join(options.specDir, 'package.json')).version);
  const majorDeclared = (await declaredBumps(options.repoRoot)).get(SPEC_PACKAGE) === 'major';
  // In the "Version Packages" pull request the changesets are consumed and the version is bumped.
  const majorApplied =
    baselineVersion !== undefined && majorOf(currentVersion) > majorOf(baselineVersion);
  const anyBreaking = apis.some((entry) => entry.breaking.length > 0);
  return {
    apis,
    baselineVersion,
    currentVersion,
    majorDeclared,
    majorApplied,
    ok: !anyBreaking || majorDeclared || majorApplied,
  };
}

export function formatSpecCompat(report: SpecCompatReport): string {
  const lines: string[] = [
    `@hwsec/spec ${report.currentVersion} against baseline ${report.baselineVersion ?? '(none)'}`,
  ];
  for (const entry of report.apis) {
    if (!entry.hasBaseline) {
      lines.push(`  ${entry.api}: no baseline (not released yet)`);
      continue;
    }
    lines.push(
      `  ${entry.api}: ${entry.changes.length} change(s), ${entry.breaking.length} breaking`,
    );
    for (const change of entry.changes) {
      lines.push(
        `    ${change.severity === 'breaking' ? 'BREAKING' : 'ok      '} ${change.rule}  ${change.location}: ${change.message}`,
      );
    }
  }
  if (report.ok) {
    const why = report.majorApplied
      ? ' (major version applied)'
      : report.majorDeclared
        ? ' (a changeset declares a major bump)'
        : '';
    lines.push(`spec compatibility: ok${why}`);
  } else {
    lines.push(
      'spec compatibility: FAILED. The spec breaks users of the last release. Either make the change',
      'backward compatible, or declare it: `pnpm changeset`, choose @hwsec/spec, bump "major", and explain the',
      'migration (see CONTRIBUTING.md, "Breaking changes").',
    );
  }
  return lines.join('\n');
}
