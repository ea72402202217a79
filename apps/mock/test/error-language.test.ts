// SecMaster words its own error_msg in the language of X-Language (`zh-cn` Chinese, anything else
// English), in stateless and stateful mode; the gateway's APIG.* answers never change language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningMock } from '../src/index.js';
import { json } from './helpers.js';
import { control, newProjectId, startStatefulMock } from './stateful-helpers.js';

const RESOURCE = 'e6d9047a-3478-4867-8c0d-7c4cfed1685b';

describe('SecMaster error_msg follows X-Language', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startStatefulMock();
  });
  afterAll(() => mock.close());

  const update = (projectId: string, language: string | undefined, body: string) =>
    fetch(`${mock.urls.secmaster}/v1/${projectId}/subscriptions/orders`, {
      method: 'PUT',
      headers: {
        'x-auth-token': 'test-token',
        'content-type': 'application/json',
        ...(language !== undefined && { 'X-Language': language }),
      },
      body,
    });

  const change = (size: number) =>
    JSON.stringify({
      scene: 'POSTPAID',
      operate_type: 'DECREASE',
      product_list: [
        { resource_id: RESOURCE, resource_spec_code: 'secmaster.standard', resource_size: size },
      ],
    });

  it('an invalid parameter: Chinese for zh-cn, English for en-us', async () => {
    const projectId = newProjectId();
    const broken = JSON.stringify({ scene: 'SOMETIMES', operate_type: 'DECREASE' });
    const zh = await update(projectId, 'zh-cn', broken);
    expect(zh.status).toBe(400);
    const zhBody = await json(zh);
    expect(zhBody['error_code']).toBe('SecMaster.00010001');
    expect(String(zhBody['error_msg'])).toMatch(/^请求参数错误: /);
    expect(String(zhBody['error_msg'])).toContain('body.scene (enum)');

    const en = await json(await update(projectId, 'en-us', broken));
    expect(en['error_code']).toBe('SecMaster.00010001');
    expect(String(en['error_msg'])).toMatch(/^Request parameter error: /);
    // Only the wording changes: the details are the same in both languages.
    expect(String(en['error_msg']).slice('Request parameter error'.length)).toBe(
      String(zhBody['error_msg']).slice('请求参数错误'.length),
    );
  });

  it('the header value is read without regard to case; a missing X-Language is English', async () => {
    const projectId = newProjectId();
    const upper = await json(await update(projectId, 'ZH-CN', '{}'));
    expect(String(upper['error_msg'])).toMatch(/^请求参数错误: /);
    const missing = await json(await update(projectId, undefined, '{}'));
    expect(String(missing['error_msg'])).toMatch(/^Request parameter error: /);
    expect(String(missing['error_msg'])).toContain('header.x-language (required)');
  });

  it('an unparseable body: Chinese for zh-cn, English otherwise', async () => {
    const projectId = newProjectId();
    const zh = await update(projectId, 'zh-cn', '{"scene":');
    expect(zh.status).toBe(400);
    expect(String((await json(zh))['error_msg'])).toMatch(/^请求参数错误: body \(json\): /);
    const en = await update(projectId, 'en-us', '{"scene":');
    expect(String((await json(en))['error_msg'])).toMatch(
      /^Request parameter error: body \(json\): /,
    );
  });

  it('stateful refusals (a broken rule, an unknown resource) in both languages', async () => {
    const projectId = newProjectId();
    const seed = await control(mock.urls.secmaster!).seed(projectId, {
      secmaster: {
        ecs_count: 0,
        subscriptions: [
          {
            resource_id: RESOURCE,
            scene: 'POSTPAID',
            resource_spec_code: 'secmaster.standard',
            resource_size: 5,
          },
        ],
      },
    });
    expect(seed.status).toBe(200);

    const zh = await update(projectId, 'zh-cn', change(6));
    expect(zh.status).toBe(400);
    const zhBody = await json(zh);
    expect(zhBody['error_code']).toBe('SecMaster.00010001');
    expect(String(zhBody['error_msg'])).toMatch(/^请求参数错误: /);
    expect(String(zhBody['error_msg'])).toContain('DECREASE must lower resource_size');
    const en = await json(await update(projectId, 'en-us', change(6)));
    expect(String(en['error_msg'])).toMatch(/^Request parameter error: /);

    const other = newProjectId();
    const zhMissing = await update(other, 'zh-cn', change(3));
    expect(zhMissing.status).toBe(404);
    expect(String((await json(zhMissing))['error_msg'])).toMatch(/^资源不存在: /);
    const enMissing = await json(await update(other, 'en-us', change(3)));
    expect(enMissing['error_code']).toBe('SecMaster.00040001');
    expect(String(enMissing['error_msg'])).toMatch(/^Resource does not exist: /);
    // A refused change changed nothing.
    const state = await control(mock.urls.secmaster!).state(projectId);
    expect(state.body.secmaster.subscriptions[0].resource_size).toBe(5);
  });

  it('gateway errors stay as the gateway words them, whatever X-Language says', async () => {
    const unknown = await fetch(`${mock.urls.secmaster}/v1/${newProjectId()}/no-such-api`, {
      headers: { 'x-auth-token': 'test-token', 'X-Language': 'zh-cn' },
    });
    expect(unknown.status).toBe(404);
    expect(await json(unknown)).toMatchObject({
      error_code: 'APIG.0101',
      error_msg: 'The API does not exist or has not been published in the environment',
    });
    const noToken = await fetch(
      `${mock.urls.secmaster}/v1/${newProjectId()}/subscriptions/orders`,
      {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'X-Language': 'zh-cn' },
        body: change(3),
      },
    );
    expect(noToken.status).toBe(401);
    expect(await json(noToken)).toMatchObject({
      error_code: 'APIG.0301',
      error_msg: 'Incorrect IAM authentication information: x-auth-token not found',
    });
  });
});
