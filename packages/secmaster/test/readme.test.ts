import { startMock } from '@hwsec/mock';
import { describeReadmeExamples } from '../../core/test/support/readme-examples.js';
import { secMasterOperations } from '../src/index.js';

describeReadmeExamples(new URL('../', import.meta.url), secMasterOperations, startMock);
