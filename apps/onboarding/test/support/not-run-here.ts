// The documented commands that documented-commands.test.ts does NOT execute, each with the reason
// and, where one exists, the test or CI step that does run it. Reviewed like code: the test fails
// on a documented command that is neither run nor listed here, and on an entry no page shows any
// more, so nothing new escapes silently and nothing stale stays. Every entry is still checked to
// name a script or pnpm command that exists.
export interface NotRunHere {
  readonly command: string;
  readonly reason: string;
  /** A file in the repository that runs it (a test, a CI workflow), when there is one. */
  readonly runBy?: string;
}

export const NOT_RUN_HERE: readonly NotRunHere[] = [
  {
    command: 'bash scripts/setup.sh',
    reason:
      'reinstalls the workspace (frozen pnpm install, runtimes, Chromium): under running tests it would replace the node_modules they are loaded from',
    runBy: '.github/workflows/ci.yml',
  },
  {
    command: 'pnpm test',
    reason: 'is the command this test runs inside; running it here would recurse',
    runBy: '.github/workflows/ci.yml',
  },
  {
    command: 'pnpm --filter @hwsec/contract-tests test',
    reason:
      'is the task `pnpm test` itself runs (turbo runs that package’s test script); a second run here only doubles the time',
    runBy: 'apps/contract-tests/package.json',
  },
  {
    command: 'HWSEC_CONTRACT_RUNS=1000 pnpm --filter @hwsec/contract-tests test',
    reason: 'the contract suite again with 1,000 property runs each: many minutes, on purpose',
    runBy: 'apps/contract-tests/package.json',
  },
  {
    command:
      'HWSEC_HSS_BASE_URL=https://hss.cn-north-4.myhuaweicloud.com HUAWEICLOUD_SDK_PROJECT_ID=… HUAWEICLOUD_SDK_AK=… HUAWEICLOUD_SDK_SK=… pnpm --filter @hwsec/contract-tests run provider',
    reason: 'needs a real Huawei Cloud endpoint and the reader’s own project and AK/SK',
  },
  {
    command:
      'HWSEC_HSS_BASE_URL=https://hss.cn-north-4.myhuaweicloud.com HUAWEICLOUD_SDK_PROJECT_ID=<project id> HUAWEICLOUD_SDK_AK=<AK> HUAWEICLOUD_SDK_SK=<SK> pnpm --filter @hwsec/contract-tests run provider',
    reason: 'needs a real Huawei Cloud endpoint and the reader’s own project and AK/SK',
  },
  {
    command: 'pnpm bench',
    reason:
      'about 5 minutes of measurement that rewrites apps/bench/results; a benchmark, not a check',
  },
  {
    command: 'pnpm pack:all',
    reason:
      'writes dist/packages/ of the clone while other packages’ tests read the builds; the release checks run its CLI into a folder of their own',
    runBy: 'apps/release-checks/test/pack-all.test.ts',
  },
  {
    command:
      'npm install <clone>/dist/packages/hwsec-core-*.tgz <clone>/dist/packages/hwsec-hss-*.tgz',
    reason: 'installs from the registry into a fresh project: the release checks do exactly that',
    runBy: 'apps/release-checks/test/pack-all.test.ts',
  },
  {
    command:
      'npm install <clone>/dist/packages/hwsec-core-*.tgz <clone>/dist/packages/hwsec-dsc-*.tgz',
    reason: 'the same line with the DSC tarball; the release checks install every tarball',
    runBy: 'apps/release-checks/test/tarball.test.ts',
  },
  {
    command:
      'npm install <clone>/dist/packages/hwsec-core-*.tgz <clone>/dist/packages/hwsec-secmaster-*.tgz',
    reason: 'the same line with the SecMaster tarball; the release checks install every tarball',
    runBy: 'apps/release-checks/test/tarball.test.ts',
  },
  {
    command:
      'npm install <clone>/dist/packages/hwsec-core-*.tgz <clone>/dist/packages/hwsec-bss-*.tgz',
    reason: 'the same line with the BSS tarball; the release checks install every tarball',
    runBy: 'apps/release-checks/test/tarball.test.ts',
  },
  {
    command:
      'npm install <clone>/dist/packages/hwsec-core-*.tgz <clone>/dist/packages/hwsec-iam-*.tgz',
    reason: 'the same line with the IAM tarball; the release checks install every tarball',
    runBy: 'apps/release-checks/test/tarball.test.ts',
  },
  {
    command: 'pnpm --filter @hwsec/release-checks run baseline:refresh',
    reason: 'rewrites apps/release-checks/baseline/ (a release step after the spec version moved)',
    runBy: 'apps/release-checks/test/baseline.test.ts',
  },
  {
    command: 'pnpm --filter @hwsec/release-checks run sync-spec-version',
    reason: 'rewrites info.version in spec/openapi/*/openapi.yaml (a release step)',
    runBy: 'apps/release-checks/test/spec-version.test.ts',
  },
  {
    command: 'pnpm --filter @hwsec/spec translations refresh-hashes',
    reason: 'rewrites the hashes in spec/overlays/ after a human reviewed the stale translations',
  },
];
