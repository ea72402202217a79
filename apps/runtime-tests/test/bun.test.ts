// The portable suites on Bun.
import { registerPortableSuites } from '../src/register-results.ts';

await registerPortableSuites('bun');
