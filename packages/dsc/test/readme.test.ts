import { startMock } from '@hwsec/mock';
import { describeReadmeExamples } from '../../core/test/support/readme-examples.js';
import { dscOperations } from '../src/index.js';

describeReadmeExamples(new URL('../', import.meta.url), dscOperations, startMock);
