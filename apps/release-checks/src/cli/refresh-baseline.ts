#!/usr/bin/env node
/** Copies spec/dist/<api>.json to baseline/ when @hwsec/spec has a new version (`--force`: always). */
import { refreshBaseline } from '../baseline.js';
import { BASELINE_DIR, SPEC_DIR } from '../spec-layout.js';

const result = refreshBaseline(SPEC_DIR, BASELINE_DIR, { force: process.argv.includes('--force') });
console.log(
  result.updated
    ? `baseline: ${result.from ?? '(none)'} -> ${result.to}`
    : `baseline: already ${result.to}`,
);
