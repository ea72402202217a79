// The portable suites on workerd (Cloudflare Workers).
import { registerPortableSuites } from '../src/register-results.ts';

await registerPortableSuites('workerd');
