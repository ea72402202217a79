import * as core from '@hwsec/core';
import { describeCoreReExports } from '@hwsec/test-support/core-re-exports';
import * as client from '../src/generated/index.js';

describeCoreReExports('@hwsec/hss', client, core);
