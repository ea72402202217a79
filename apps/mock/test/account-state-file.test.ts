// The account and its orders' billing survive a restart through --state-file: the balance and
// the projects seeded through the control API, payments (status and balance), and the domain and
// project ids IAM reports, all as sealed records of the same journal. A file whose account is
// broken by hand is refused at start, naming the account.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CreateQuotasOrderRequestInfo } from '@hwsec/hss';
import { exampleBody } from './example-bodies.js';
import { startMockProcess } from './mock-process.js';
import { newStateFile, sealsHold, stateFileLines } from './state-file-fixtures.js';
import { billing, clients, control, identity } from './stateful-helpers.js';

/** The spec's monthly example, as 1 premium quota. */
const order = exampleBody<CreateQuotasOrderRequestInfo>('hss', 'CreateQuotasOrder', {
  resource_spec_code: 'hss.version.premium',
});

const start = (file: string, seed = 'account-file') =>
  startMockProcess(['--state-file', file, '--seed', seed, '--order-processing-ms', '0']);

describe('--state-file keeps the account', () => {
  it('balance, projects, payments and ids survive a restart', { timeout: 120_000 }, async () => {
    const file = newStateFile();
    let mock = await start(file);
    let account: Record<string, unknown>;
    let orderId: string;
    try {
      const api = control(mock.urls.hss!);
      const fresh = (await api.account()).body;
      const projects = [...fresh.projects, { id: 'e'.repeat(32), name: 'cn-north-4_kept' }];
      expect((await api.updateAccount({ balance: 1000, projects })).status).toBe(200);
      const projectId = (await identity(mock.urls).projects({ name: 'cn-north-4' })).body
        .projects[0].id as string;
      const placed = await clients(mock.urls, projectId).hss.createQuotasOrder({ body: order });
      orderId = placed.data!.order_id!;
      expect((await billing(mock.urls).pay(orderId)).status).toBe(204);
      account = (await api.account()).body;
      expect(account['balance']).toBe(900);
    } finally {
      await mock.stop();
    }
    expect(sealsHold(file)).toBe(true);
    // A payment's record costs the balance it set, not the account's list of projects.
    const records = stateFileLines(file) as Array<{ account?: Record<string, unknown> }>;
    const last = records.filter((line) => line.account !== undefined).at(-1)!;
    expect(Object.keys(last.account!)).toEqual(['balance']);

    // Started with another seed: the account comes from the file, not from the seed.
    mock = await start(file, 'another-seed');
    try {
      expect((await control(mock.urls.hss!).account()).body).toEqual(account);
      expect(
        (await identity(mock.urls).projects({ name: 'cn-north-4_kept' })).body.projects,
      ).toHaveLength(1);
      expect((await identity(mock.urls).domains()).body.domains[0].id).toBe(account['domain_id']);
      expect((await billing(mock.urls).details(orderId)).body.order_info.status).toBe(5);
      expect((await billing(mock.urls).pay(orderId)).body.error_code).toBe('CBC.99003106');
    } finally {
      await mock.stop();
    }
  });

  it('an account broken by hand is refused at start, naming it', { timeout: 120_000 }, async () => {
    const file = newStateFile();
    const mock = await start(file);
    await mock.stop();
    const lines = stateFileLines(file) as Array<Record<string, unknown>>;
    const accountLine = lines.findIndex((line) => 'account' in line);
    expect(accountLine).toBeGreaterThan(0);
    // Unsealed now: the file is checked completely, and the account against its schema.
    const text = readFileSync(file, 'utf8').split('\n');
    text[accountLine] = text[accountLine]!.replace(/"balance":[0-9.]+/, '"balance":-5');
    writeFileSync(file, text.join('\n'));
    const broken = await startMockProcess(['--state-file', file]).catch((error: Error) => error);
    expect(broken).toBeInstanceOf(Error);
    expect(String(broken)).toContain('account: /balance (minimum)');
  });
});
