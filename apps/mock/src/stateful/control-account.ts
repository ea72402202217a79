/**
 * The control API's `/_hwsec/account`: GET shows the simulated account (domain, IAM projects,
 * balance); PATCH seeds its balance, its project list, or both, in one change of the store
 * (atomic, and durable before the answer with a state file). The domain never changes.
 */
import { strictJsonBody } from '../request-body.js';
import type { AccountState, IamProject } from './account-model.js';
import type { ControlAnswer } from './control-api.js';
import type { ControlDocument } from './control-document.js';
import { discard, keep, type StateStore } from './state-store.js';

const invalid = (message: string): ControlAnswer => ({
  status: 400,
  body: { error_code: 'HWSEC.0400', error_msg: `invalid account: ${message}` },
});

interface AccountSeed {
  balance?: number;
  projects?: IamProject[];
}

/** The first project name or id listed twice, as a control-API message. */
function duplicateProject(projects: readonly IamProject[]): string | undefined {
  for (const key of ['id', 'name'] as const) {
    const seen = new Set<string>();
    for (const project of projects) {
      if (seen.has(project[key])) return `/projects ${key} (unique): ${project[key]} appears twice`;
      seen.add(project[key]);
    }
  }
  return undefined;
}

export async function handleAccount(
  store: StateStore,
  control: ControlDocument,
  method: string,
  bytes: Buffer,
): Promise<ControlAnswer> {
  if (method === 'GET') return { status: 200, body: store.readAccount() };
  const parsed = strictJsonBody(bytes);
  if ('reason' in parsed) return invalid(`body (json): ${parsed.reason}`);
  const problem = control.checkAccountSeed(parsed.value);
  if (problem !== undefined) return invalid(problem);
  const seed = parsed.value as AccountSeed;
  const projects = seed.projects?.map((p) => ({
    id: p.id,
    name: p.name,
    enabled: p.enabled ?? true,
  }));
  const duplicate = projects && duplicateProject(projects);
  if (duplicate) return invalid(duplicate);
  return store.change((tx) => {
    const account: AccountState = tx.account();
    if (seed.balance !== undefined) account.balance = Math.round(seed.balance * 100) / 100;
    if (projects) account.projects = projects;
    const stored = control.checkAccountState(account);
    if (stored !== undefined) return discard(invalid(stored));
    return keep({ status: 200, body: { ...account, projects: [...account.projects] } });
  });
}
