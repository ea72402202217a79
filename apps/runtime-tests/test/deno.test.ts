// The portable suites on Deno.
import { registerPortableSuites } from '../src/register-results.ts';

await registerPortableSuites('deno');
