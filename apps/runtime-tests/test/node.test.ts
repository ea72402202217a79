// The portable suites on the host Node.js (in-process).
import { registerPortableSuites } from '../src/register-results.ts';

await registerPortableSuites('node');
