import { createHssClient, isHwsecError, unwrap } from '@hwsec/hss';

// Started with: pnpm mock -- --stateful --seed demo
export async function simulateALostAnswer(hssUrl = 'http://127.0.0.1:4010'): Promise<void> {
  const projectId = 'lost-answer-project';
  const hss = createHssClient({ baseUrl: hssUrl, projectId, credentials: { token: 'any-token' } });
  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${hssUrl}/_hwsec/${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} /_hwsec/${path}: ${await response.text()}`);
    return response.status === 204 ? undefined : ((await response.json()) as unknown);
  };
  const orders = async () =>
    ((await control('GET', `state/${projectId}`)) as { orders: unknown[] }).orders;
  await control('DELETE', `state/${projectId}`);

  // The next order of this project is placed, then its connection is reset.
  await control('POST', 'faults', {
    operation_id: 'CreateQuotasOrder',
    project_id: projectId,
    when: 'after',
    fault: 'reset',
  });
  const order = {
    resource_spec_code: 'hss.version.basic' as const,
    period_type: 2 as const,
    period_num: 1,
    subscription_num: 1,
  };
  try {
    unwrap(await hss.createQuotasOrder({ body: order }));
    throw new Error('expected the answer to be lost');
  } catch (error) {
    // The client cannot know: it says so, and never sends the order again by itself.
    if (!isHwsecError(error) || !error.mayHaveBeenProcessed) throw error;
  }
  if ((await orders()).length !== 1) throw new Error('expected the order to have been placed');

  // `before`: the request is cut unread, so nothing is placed, yet the client's error is the same.
  await control('POST', 'faults', {
    operation_id: 'CreateQuotasOrder',
    project_id: projectId,
    when: 'before',
    fault: 'refuse',
  });
  const refused = await hss.createQuotasOrder({ body: order }).catch((error: unknown) => error);
  if (!isHwsecError(refused) || !refused.mayHaveBeenProcessed)
    throw new Error('expected a failure');
  if ((await orders()).length !== 1) throw new Error('expected no second order');
}
