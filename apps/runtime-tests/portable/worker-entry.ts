// Entry for workerd (Cloudflare Workers): the context arrives as the body of a POST, the
// results go back as JSON. Bundled by src/workerd.ts with the `workerd` condition, so the
// clients load their web transport and Web Crypto signer, as in a deployed worker.
import { runAllSuites } from './all-suites.ts';
import type { PortableContext } from './context.ts';

export default {
  async fetch(request: Request): Promise<Response> {
    if (request.method !== 'POST') return new Response('ready');
    const context = (await request.json()) as PortableContext;
    return Response.json(await runAllSuites(context));
  },
};
