// The Try it console of a reference page: a dialog outside Redoc's tree, opened from a button on
// each operation (or the page's launcher) for that operation. It fills the parameters and body
// from the spec's first example, checks them against the schema, signs and sends with
// @hwsec/core, and shows the answer, the request as sent (secrets masked) and the same call as
// curl and TypeScript. Credentials live in the inputs and in this closure only: nothing is
// written to storage, the URL or the console.
import { checkValue } from './check-value.js';
import { curlCommand, typescriptCall } from './equivalents.js';
import { sendRequest } from './send-request.js';

const $ = (id) => document.getElementById(`hwsec-try-${id}`);
const data = JSON.parse($('data').textContent);
const messages = Object.fromEntries(
  [...$('messages').children].map((span) => [span.dataset.key, span.textContent]),
);
/** A message of the page's language, `{name}` slots filled. */
const say = (key, values = {}) =>
  (messages[key] ?? key).replace(/\{(\w+)\}/g, (_, name) => values[name] ?? '');

const dialog = $('dialog');
const form = $('form');
const operationSelect = $('operation');
const target = $('target');
let current = data.operations[0];

for (const op of data.operations) {
  const option = document.createElement('option');
  option.value = op.anchor;
  option.textContent = `${op.method} ${op.path} · ${op.summary}`;
  operationSelect.append(option);
}

const isLoopback = (url) => {
  try {
    const { hostname } = new URL(url);
    return (
      hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname)
    );
  } catch {
    return false;
  }
};

const text = (value) => (typeof value === 'string' ? value : JSON.stringify(value));

function parameterField(parameter) {
  const id = `hwsec-try-p-${parameter.in}-${parameter.name}`;
  const row = document.createElement('div');
  row.className = 'hwsec-try-row';
  const label = document.createElement('label');
  label.htmlFor = id;
  label.textContent = `${parameter.name} (${say(`in-${parameter.in}`)})${parameter.required ? ' *' : ''}`;
  const input = document.createElement('input');
  input.id = id;
  input.type = 'text';
  input.autocomplete = 'off';
  input.spellcheck = false;
  input.dataset.in = parameter.in;
  input.dataset.name = parameter.name;
  input.value = parameter.example === undefined ? '' : text(parameter.example);
  if (parameter.required) input.setAttribute('aria-required', 'true');
  row.append(label, input);
  return row;
}

function showOperation(op) {
  current = op;
  operationSelect.value = op.anchor;
  $('title').textContent = `${say('title')} · ${op.method} ${op.path}`;
  $('params').replaceChildren(...op.parameters.map(parameterField));
  $('params-field').hidden = op.parameters.length === 0;
  $('body-field').hidden = op.body === undefined;
  $('body').value = op.body?.example === undefined ? '' : JSON.stringify(op.body.example, null, 2);
  $('problems').replaceChildren();
  $('result').hidden = true;
  updateTarget();
}

function updateTarget() {
  const remote = !isLoopback(target.value);
  $('remote').hidden = !remote;
  $('confirm-field').hidden = !(remote && current.order);
  if ($('confirm-field').hidden) $('confirm').checked = false;
}

function updateAuth() {
  const token = $('auth-token').checked;
  $('aksk').hidden = token;
  $('token-field').hidden = !token;
}

// A global service's AK/SK request may carry the account id, signed as X-Domain-Id, as the
// official SDK's GlobalCredentials sends it; the clients find it through IAM when it is not given.
const DOMAIN_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** A parameter's text as the type its schema gives it, so that the schema can judge it. */
function typedValue(raw, schema) {
  const type = [schema.type].flat()[0];
  if ((type === 'integer' || type === 'number') && !Number.isNaN(Number(raw))) return Number(raw);
  if (type === 'boolean' && (raw === 'true' || raw === 'false')) return raw === 'true';
  return raw;
}

/** Reads the form; problems name their field. Nothing is sent while there is one. */
function readCall() {
  const problems = [];
  const params = { path: {}, query: {}, header: {} };
  for (const parameter of current.parameters) {
    const input = document.getElementById(`hwsec-try-p-${parameter.in}-${parameter.name}`);
    const raw = input.value.trim();
    const field = `${parameter.in}.${parameter.name}`;
    if (raw === '') {
      if (parameter.required) problems.push(`${field}: ${say('required')}`);
      continue;
    }
    problems.push(...checkValue(typedValue(raw, parameter.schema), parameter.schema, field, say));
    params[parameter.in][parameter.name] = raw;
  }
  let body;
  if (current.body) {
    const raw = $('body').value.trim();
    if (raw === '') {
      if (current.body.required) problems.push(`body: ${say('required')}`);
    } else {
      try {
        body = JSON.parse(raw);
        problems.push(...checkValue(body, current.body.schema, 'body', say));
      } catch (error) {
        problems.push(`body: ${say('json', { reason: error.message })}`);
      }
    }
  }
  let base = target.value.trim().replace(/\/+$/, '');
  try {
    const parsed = new URL(base);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error();
  } catch {
    problems.push(`${say('target-field')}: ${say('target-url')}`);
  }
  const credentials = $('auth-token').checked
    ? { token: $('token').value }
    : {
        accessKey: $('ak').value.trim(),
        secretKey: $('sk').value,
        ...($('sts').value && { securityToken: $('sts').value }),
      };
  const domainId = data.service.global && !('token' in credentials) ? $('domain').value.trim() : '';
  if (domainId !== '' && !DOMAIN_ID.test(domainId))
    problems.push(`${say('domain-field')}: ${say('domain-id')}`);
  if (
    'token' in credentials ? !credentials.token : !credentials.accessKey || !credentials.secretKey
  )
    problems.push(say('credentials-missing'));
  const path = current.path.replace(/\{([^}]+)\}/g, (_, name) =>
    encodeURIComponent(params.path[name] ?? ''),
  );
  const query = new URLSearchParams(params.query).toString();
  const url = `${base}${path}${query ? `?${query}` : ''}`;
  const headers = { ...params.header };
  return {
    problems,
    call: {
      method: current.method,
      url,
      baseUrl: base,
      headers,
      params,
      body,
      projectId: params.path['project_id'],
      domainId: domainId || undefined,
      credentials,
    },
  };
}

function show(id, value) {
  $(id).textContent = value;
}

async function send(event) {
  event.preventDefault();
  const { problems, call } = readCall();
  const list = $('problems');
  list.replaceChildren(
    ...problems.map((problem) =>
      Object.assign(document.createElement('li'), { textContent: problem }),
    ),
  );
  if (problems.length > 0) {
    $('result').hidden = true;
    list.focus();
    return;
  }
  const remote = !isLoopback(call.url);
  if (remote && current.order && !$('confirm').checked) {
    list.append(
      Object.assign(document.createElement('li'), { textContent: say('confirm-needed') }),
    );
    $('confirm').focus();
    return;
  }
  const sendButton = $('send');
  sendButton.disabled = true;
  show('status', say('sending'));
  $('result').hidden = false;
  const json = call.body === undefined ? undefined : JSON.stringify(call.body);
  const outcome = await sendRequest({
    ...call,
    headers: { ...call.headers, ...(json !== undefined && { 'content-type': 'application/json' }) },
    body: json,
    operationId: current.operationId,
  });
  sendButton.disabled = false;
  const { response, error, sent } = outcome;
  show('status', response ? String(response.status) : `${say('error')}: ${error.kind}`);
  show('time', `${Math.round(outcome.ms)} ms`);
  show('request-id', response?.requestId ?? '—');
  if (response) {
    let shown = response.body;
    try {
      shown = JSON.stringify(JSON.parse(response.body), null, 2);
    } catch {}
    show('response', shown);
  } else {
    const notes = [error.message, `mayHaveBeenProcessed: ${error.mayHaveBeenProcessed}`];
    if (remote && error.kind === 'network') notes.push('', say('no-cors'));
    show('response', notes.join('\n'));
  }
  show(
    'sent',
    sent
      ? [
          `${sent.method} ${sent.url}`,
          ...sent.headers.map(([name, value]) => `${name}: ${value}`),
          ...(sent.body !== undefined ? ['', sent.body] : []),
        ].join('\n')
      : say('not-sent'),
  );
  $('result').scrollIntoView({ block: 'start' });
  show(
    'curl',
    curlCommand({
      method: call.method,
      url: call.url,
      headers: call.headers,
      body: json,
      note: say('curl-token'),
    }),
  );
  show(
    'typescript',
    typescriptCall({ ...call, service: data.service, operationId: current.operationId }),
  );
}

/** The button that opened the console: focus goes back there when it closes. */
let opener;

function open(op, from) {
  showOperation(op);
  opener = from;
  dialog.showModal();
  operationSelect.focus();
}

/** One button per operation, placed in Redoc's section once Redoc has rendered it. */
function addButtons() {
  for (const op of data.operations) {
    const section = document.getElementById(op.anchor);
    const heading = section?.querySelector('h2');
    if (!heading || heading.parentElement.querySelector(':scope > .hwsec-try-open')) continue;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'hwsec-try-open';
    button.textContent = say('open');
    button.setAttribute('aria-label', `${say('open')}: ${op.summary}`);
    button.setAttribute('aria-haspopup', 'dialog');
    button.addEventListener('click', () => open(op, button));
    heading.after(button);
  }
}

operationSelect.addEventListener('change', () =>
  showOperation(data.operations.find((op) => op.anchor === operationSelect.value)),
);
target.addEventListener('input', updateTarget);
for (const radio of document.querySelectorAll('input[name="hwsec-try-auth"]'))
  radio.addEventListener('change', updateAuth);
form.addEventListener('submit', send);
$('close').addEventListener('click', () => dialog.close());
dialog.addEventListener('close', () => opener?.focus());
$('launch').addEventListener('click', () => {
  const anchor = location.hash.split('#')[1]?.replace(/^\//, '');
  open(data.operations.find((op) => op.anchor === anchor) ?? current, $('launch'));
});

$('domain-field').hidden = !data.service.global;
target.value = data.service.mockUrl;
$('ak').value = data.testKey.accessKey;
$('sk').value = data.testKey.secretKey;
updateAuth();
showOperation(current);
// Redoc renders after this script runs and may render a section again: keep the buttons there.
new MutationObserver(addButtons).observe(document.getElementById('redoc') ?? document.body, {
  childList: true,
  subtree: true,
});
addButtons();
