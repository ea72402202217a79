import { startMock } from '@hwsec/mock';
import { describeReadmeExamples } from '../../core/test/support/readme-examples.js';
import { hssOperations } from '../src/index.js';

describeReadmeExamples(new URL('../', import.meta.url), hssOperations, startMock);
