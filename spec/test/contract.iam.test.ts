// IAM's constraints (spec/SOURCES.md#iam-keystonelistprojects, #iam-keystonelistauthdomains):
// the query's bounds, the SDKs' required sets of ProjectResult and Domains, the links that may be
// null, and Keystone's error body.
import { describe, expect, it } from 'vitest';
import { loadBundle, operationParameter } from './support/bundles.js';
import { accepted, rejected, REMOVE, withChange } from './support/cases.js';
import { checkCases } from './support/check.js';

const iam = loadBundle('iam');
const check = checkCases('iam');
const projects = iam.paths['/v3/projects'].get;
const domains = iam.paths['/v3/auth/domains'].get;
const projectList =
  projects.responses['200'].content['application/json'].examples.regionProject.value;
const project = projectList.projects[0];
const domainList = domains.responses['200'].content['application/json'].examples.ownAccount.value;
const domain = domainList.domains[0];

describe('KeystoneListProjects query', () => {
  const param = (name: string) => operationParameter(iam, '/v3/projects', 'get', name);
  it('has only optional query parameters and no body', () => {
    for (const name of [
      'domain_id',
      'name',
      'parent_id',
      'enabled',
      'is_domain',
      'page',
      'per_page',
    ])
      expect(param(name).spec).toMatchObject({ in: 'query', required: false });
    expect(projects.requestBody).toBeUndefined();
  });
  it('says, like the API, that nothing here creates a project', () => {
    expect(iam.info.description).toContain('Nothing in this project creates a project');
    expect(projects.description).toContain('never creates a project');
  });
  check(param('per_page').pointer, [
    rejected('per_page 0', 0, 'must be >= 1'),
    accepted('per_page 1', 1),
    accepted('per_page 5000', 5000),
    rejected('per_page 5001', 5001, 'must be <= 5000'),
  ]);
  check(param('page').pointer, [rejected('page 0', 0, 'must be >= 1'), accepted('page 1', 1)]);
  check(param('enabled').pointer, [
    accepted('enabled false', false),
    rejected('enabled as the string "yes"', 'yes', 'must be boolean'),
  ]);
});

describe('KeystoneListProjectsResponse', () => {
  check('#/components/schemas/KeystoneListProjectsResponse', [
    accepted('the example', projectList),
    accepted('an empty object (no field is guaranteed)', {}),
    accepted('no project', withChange(projectList, ['projects'], [])),
    ...['id', 'name', 'domain_id', 'parent_id', 'enabled', 'is_domain', 'description', 'links'].map(
      (field) =>
        rejected(
          `a project without ${field}`,
          withChange(projectList, ['projects', 0, field], REMOVE),
          `/projects/0/${field} is required`,
        ),
    ),
    rejected(
      'enabled as a string',
      withChange(projectList, ['projects', 0, 'enabled'], 'true'),
      '/projects/0/enabled must be boolean',
    ),
    accepted(
      'a project whose links name only self',
      withChange(projectList, ['projects', 0, 'links'], { self: project.links.self }),
    ),
    rejected(
      'links without self',
      withChange(projectList, ['links', 'self'], REMOVE),
      '/links/self is required',
    ),
    accepted(
      'next page as a string',
      withChange(
        projectList,
        ['links', 'next'],
        'https://iam.myhuaweicloud.com/v3/projects?page=2&per_page=1',
      ),
    ),
    rejected(
      'next page as a number',
      withChange(projectList, ['links', 'next'], 2),
      '/links/next must be string,null',
    ),
  ]);
});

describe('KeystoneListAuthDomains', () => {
  it('takes no parameter and no body', () => {
    expect(domains.parameters).toBeUndefined();
    expect(domains.requestBody).toBeUndefined();
  });
  check('#/components/schemas/KeystoneListAuthDomainsResponse', [
    accepted('the example', domainList),
    ...['enabled', 'id', 'name', 'links', 'description'].map((field) =>
      rejected(
        `a domain without ${field}`,
        withChange(domainList, ['domains', 0, field], REMOVE),
        `/domains/0/${field} is required`,
      ),
    ),
    rejected(
      'a domain link without self',
      withChange(domainList, ['domains', 0, 'links'], {}),
      '/domains/0/links/self is required',
    ),
    rejected(
      'id as a number',
      withChange(domainList, ['domains', 0, 'id'], 1),
      '/domains/0/id must be string',
    ),
  ]);
  it('names the domain the SDKs take for X-Domain-Id', () => {
    expect(domain.id).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('Keystone error body', () => {
  check('#/components/schemas/KeystoneErrorResponse', [
    accepted('an empty object (no field is guaranteed)', {}),
    accepted('code, message and title', {
      error: { code: 401, message: 'm', title: 'Unauthorized' },
    }),
    accepted('without title', { error: { code: 400, message: 'm' } }),
    rejected('code as a string', { error: { code: '400' } }, '/error/code must be integer'),
  ]);
  it('repeats the HTTP status as the code of every error example', () => {
    for (const [status, response] of Object.entries<{ $ref?: string }>(projects.responses)) {
      if (status === '200') continue;
      const name = response.$ref!.split('/').pop()!;
      expect(iam.components.responses[name].content['application/json'].example.error.code).toBe(
        Number(status),
      );
    }
  });
});
