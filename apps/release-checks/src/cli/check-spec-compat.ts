#!/usr/bin/env node
/** CI gate: exits 1 when the spec breaks its last release without a major changeset. */
import { checkSpecCompat, formatSpecCompat } from '../spec-compat.js';
import { BASELINE_DIR, REPO_ROOT, SPEC_DIR } from '../spec-layout.js';

const report = await checkSpecCompat({
  repoRoot: REPO_ROOT,
  specDir: SPEC_DIR,
  baselineDir: BASELINE_DIR,
});
console.log(formatSpecCompat(report));
process.exitCode = report.ok ? 0 : 1;
