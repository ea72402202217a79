#!/usr/bin/env node
/** Sets info.version of spec/openapi/<api>/openapi.yaml to spec/package.json's version. */
import { SPEC_DIR } from '../spec-layout.js';
import { syncSpecVersion } from '../spec-version.js';

for (const { api, from, to } of syncSpecVersion(SPEC_DIR)) {
  console.log(
    from === to
      ? `${api}: info.version ${to}`
      : `${api}: info.version ${from ?? '(none)'} -> ${to}`,
  );
}
