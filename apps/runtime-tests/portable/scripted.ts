// The portable side of src/support-server.ts: a fresh call id per case, its base URL, and the
// number of requests the server received for it.
import type { PortableContext } from './context.ts';

export function scripted(context: PortableContext, steps: string) {
  const id = crypto.randomUUID();
  return {
    baseUrl: `${context.support}/s/${steps}/${id}`,
    async receipts(): Promise<number> {
      const response = await fetch(`${context.support}/receipts/${id}`);
      return ((await response.json()) as { count: number }).count;
    },
  };
}
