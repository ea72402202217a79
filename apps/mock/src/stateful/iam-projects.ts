/**
 * IAM KeystoneListProjects and KeystoneListAuthDomains over the simulated account: its projects
 * (one per region, named after it, and any the control API added) and its one domain. Read-only,
 * as the project uses IAM: nothing here creates a project. A region's project has the domain as
 * its parent; a sub-project (`cn-north-4_tests`) has its region's project.
 */
import { readApiRegistry } from '@hwsec/spec';
import type { AccountState, IamProject } from './account-model.js';
import { answer, queryValue, type GlobalSimulation } from './simulation.js';

/** Links point at IAM's global endpoint, as the service's own answers do. */
function iamBase(): string {
  const { sites } = readApiRegistry().get('iam');
  return sites['cn'] ?? Object.values(sites)[0] ?? 'https://iam.myhuaweicloud.com';
}

function parentOf(project: IamProject, account: AccountState): string {
  const region = project.name.split('_', 1)[0]!;
  if (region === project.name) return account.domain_id;
  return account.projects.find((p) => p.name === region)?.id ?? account.domain_id;
}

function searchOf(query: Readonly<Record<string, string | string[]>>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query))
    for (const one of Array.isArray(value) ? value : [value]) search.append(name, one);
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

export const keystoneListProjects: GlobalSimulation = async (store, request) => {
  const q = (name: string) => queryValue(request.query, name);
  const account = store.readAccount();
  const base = iamBase();
  const name = q('name');
  const domainId = q('domain_id');
  const parentId = q('parent_id');
  const enabled = q('enabled');
  const isDomain = q('is_domain');
  const matching = account.projects
    .map((project) => ({ project, parent: parentOf(project, account) }))
    .filter(
      ({ project, parent }) =>
        (name === undefined || project.name === name) &&
        (domainId === undefined || account.domain_id === domainId) &&
        (parentId === undefined || parent === parentId) &&
        (enabled === undefined || String(project.enabled !== false) === enabled) &&
        isDomain !== 'true',
    );
  const page = q('page');
  const perPage = q('per_page');
  const paged =
    page !== undefined && perPage !== undefined
      ? matching.slice((Number(page) - 1) * Number(perPage), Number(page) * Number(perPage))
      : matching;
  return answer({
    links: { self: `${base}/v3/projects${searchOf(request.query)}`, previous: null, next: null },
    projects: paged.map(({ project, parent }) => ({
      id: project.id,
      name: project.name,
      domain_id: account.domain_id,
      parent_id: parent,
      enabled: project.enabled !== false,
      is_domain: false,
      description: '',
      links: { self: `${base}/v3/projects/${project.id}` },
    })),
  });
};

export const keystoneListAuthDomains: GlobalSimulation = async (store) => {
  const account = store.readAccount();
  const base = iamBase();
  return answer({
    links: { self: `${base}/v3/auth/domains` },
    domains: [
      {
        id: account.domain_id,
        name: account.domain_name,
        enabled: true,
        description: '',
        links: { self: `${base}/v3/domains/${account.domain_id}` },
      },
    ],
  });
};
