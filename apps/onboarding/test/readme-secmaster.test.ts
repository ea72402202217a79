// @hwsec/secmaster's README: its examples shown verbatim and run against the real mock. Here rather
// than in the client's own package, so that no client depends on the mock (the mock's flow tests
// depend on the clients).
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { secMasterOperations } from '@hwsec/secmaster';
import { startMock } from '@hwsec/mock';
import { describeReadmeExamples } from '@hwsec/test-support/readme-examples';

const packageDir = dirname(createRequire(import.meta.url).resolve('@hwsec/secmaster/package.json'));
describeReadmeExamples(pathToFileURL(`${packageDir}/`), secMasterOperations, startMock);
