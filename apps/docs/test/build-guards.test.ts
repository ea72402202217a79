// The build's own guards: a page that would load from another host, a landing slot left empty,
// a curl sample whose example text could break out of its shell quoting, a landing translation
// whose English text changed or English prose left in a translated page, the README sections the
// "Testing a flow" page renders, and the per-example TypeScript samples.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { curlSample } from '../src/curl-sample.mjs';
import { fillTemplate, mockEnvironment } from '../src/landing-page.mjs';
import { fillPercentSlots } from '../src/language-switch.mjs';
import { withBody } from '../src/sample-variants.mjs';
import { siteLanguages } from '../src/site-languages.mjs';
import { generatedTypescriptSample } from '../src/typescript-sample.mjs';
import { translateTemplate } from '../src/template-translation.mjs';
import { appDir, type SiteLanguage } from './site-expectations.js';
import { findExternalLoads, localizeRedocAssets } from '../src/offline.mjs';
import { listOperations } from '../src/operations.mjs';
import {
  readFlowExample,
  readLostAnswerExample,
  readMockReadme,
  renderFlowPage,
  rulesHtml,
} from '../src/flow-page.mjs';
import { firstCodeBlock, markdownSection } from '../src/markdown-section.mjs';
import { readControlDocument } from '../src/mock-sources.mjs';
import { readOrdersSample, renderOrdersPage } from '../src/orders-page.mjs';
import { bundleFile } from '../src/bundles.mjs';
import { services } from '../src/services.mjs';
import { untranslatedTexts } from '../src/untranslated-text.mjs';
import { localizeRedocLabels, readRedocLabels, UNHOOKED } from '../src/redoc-labels.mjs';

describe('findExternalLoads', () => {
  it('finds scripts, styles, fonts and images from other hosts but not plain links', () => {
    const page = `
      <link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">
      <script src="//cdn.example.com/redoc.js"></script>
      <img src="https://cdn.redoc.ly/redoc/logo-mini.svg">
      <style>@import url("https://example.com/a.css"); .x { background: url(https://example.com/b.png) }</style>
      <a href="https://redocly.com/redoc/">API docs by Redocly</a>
      <script src="hss.js"></script><img src="data:image/svg+xml,abc">`;
    const found = findExternalLoads(page).join('\n');
    for (const url of [
      'fonts.googleapis.com',
      '//cdn.example.com/redoc.js',
      'cdn.redoc.ly',
      'example.com/a.css',
      'example.com/b.png',
    ]) {
      expect(found).toContain(url);
    }
    expect(found).not.toContain('redocly.com/redoc/');
    expect(found).not.toContain('data:');
    expect(
      findExternalLoads('<a href="https://example.com">x</a><link rel="icon" href="favicon.svg">'),
    ).toEqual([]);
  });

  it('replaces the logo Redoc fetches at runtime with an inline image', () => {
    const script =
      'src:e?`https://cdn.redoc.ly/redoc/logo-mini-full.svg`:`https://cdn.redoc.ly/redoc/logo-mini.svg`';
    expect(localizeRedocAssets(script)).not.toContain('https://');
  });
});

describe('fillTemplate', () => {
  it('fails on a slot without a value and on a value without a slot', () => {
    expect(fillTemplate('<p>{{a}}</p>', { a: 'x' })).toBe('<p>x</p>');
    expect(() => fillTemplate('<p>{{a}}{{b}}</p>', { a: 'x' })).toThrow('{{b}}');
    expect(() => fillTemplate('<p>{{a}}</p>', { a: 'x', c: 'y' })).toThrow('c');
  });
});

describe('curlSample', () => {
  const doc = {
    openapi: '3.1.0',
    servers: [
      { url: 'https://svc.{region}.example.com', variables: { region: { default: 'cn-north-4' } } },
    ],
    security: [{ token: [] }],
    components: {
      securitySchemes: { token: { type: 'apiKey', in: 'header', name: 'X-Auth-Token' } },
    },
    paths: {
      '/v1/{project_id}/things': {
        put: {
          operationId: 'UpdateThing',
          parameters: [
            { name: 'project_id', in: 'path', required: true, schema: { type: 'string' } },
            {
              name: 'X-Language',
              in: 'header',
              required: true,
              schema: { type: 'string', enum: ['en-us'] },
            },
            { name: 'q', in: 'query', schema: { type: 'string' }, example: 'a b&c' },
          ],
          requestBody: { content: { 'application/json': { example: { note: "it's $HOME `x`" } } } },
          responses: {},
        },
      },
    },
  };

  const [english, chinese] = siteLanguages as [SiteLanguage, SiteLanguage];

  it('builds the call from the spec and keeps the example body inert in the shell', () => {
    const [op] = listOperations(doc);
    expect(curlSample(doc, op!, english)).toBe(
      [
        '# export HUAWEICLOUD_SDK_PROJECT_ID HWSEC_IAM_TOKEN',
        '# (IAM token; for AK/SK signing use the TypeScript client)',
        'curl -X PUT "https://svc.cn-north-4.example.com/v1/$HUAWEICLOUD_SDK_PROJECT_ID/things?q=a%20b%26c" \\',
        '  -H "X-Auth-Token: $HWSEC_IAM_TOKEN" \\',
        '  -H "X-Language: en-us" \\',
        '  -H "Content-Type: application/json" \\',
        `  --data '{\n  "note": "it'\\''s $HOME \`x\`"\n}'`,
        '',
      ].join('\n'),
    );
  });

  it("comments in the page's language and asks for it where the service answers in it", () => {
    const [op] = listOperations(doc);
    const answersInChinese = {
      ...doc,
      'x-hwsec-error-languages': { header: 'X-Language', translations: { 'zh-cn': {} } },
    };
    const sample = curlSample(answersInChinese, op!, chinese);
    expect(sample).toContain(`# ${chinese.text.curlTokenNote}\n`);
    expect(sample).toContain('-H "X-Language: zh-cn"');
    // A service that does not answer in the page's language gets its example value.
    expect(curlSample(doc, op!, chinese)).toContain('-H "X-Language: en-us"');
  });

  it('has a variant for the local mock with every value filled in and nothing to export', () => {
    const withExample = structuredClone(doc);
    withExample.paths['/v1/{project_id}/things'].put.parameters[0]!['example'] = 'p 1';
    const [op] = listOperations(withExample);
    const sample = curlSample(withExample, op!, english, { mockPort: 4099 });
    expect(sample).toContain(
      'curl -X PUT "http://127.0.0.1:4099/v1/p%201/things?q=a%20b%26c" \\\n  -H "X-Auth-Token: any-token"',
    );
    // No shell variable to set: only the example body (kept inert in quotes) has a `$`.
    expect(sample.split('--data')[0]).not.toContain('$');
    expect(sample.split('\n')[0]).toBe(`# ${english.text.mockSampleNote('pnpm mock')}`);
  });
});

describe('generatedTypescriptSample', () => {
  const [english, chinese] = siteLanguages as [SiteLanguage, SiteLanguage];
  const service = {
    id: 'svc',
    mockPort: 4099,
    clientPackage: '@hwsec/svc',
    clientFactory: 'createSvcClient',
  };
  const thing = (server: Record<string, unknown>, path: string, parameters: object[]) => ({
    openapi: '3.1.0',
    servers: [server],
    'x-hwsec-client': { headerOptions: { 'X-Language': { option: 'language', default: 'en' } } },
    paths: {
      [path]: {
        post: {
          operationId: 'PayThing',
          parameters,
          requestBody: {
            content: {
              'application/json': {
                examples: { first: { value: { id: 'a' } }, second: { value: { id: 'b' } } },
              },
            },
          },
          responses: {},
        },
      },
    },
  });

  it('calls the factory the spec names with the default region, the parameters and the first example', () => {
    const doc = thing(
      { url: 'https://svc.{region}.example.com', variables: { region: { default: 'cn-north-4' } } },
      '/v1/{project_id}/things/{thing_id}',
      [
        { name: 'project_id', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'thing_id', in: 'path', required: true, example: 't-1', schema: {} },
        { name: 'X-Language', in: 'header', required: true, schema: { type: 'string' } },
        { name: 'limit', in: 'query', example: 10, schema: { type: 'integer' } },
      ],
    );
    const [op] = listOperations(doc);
    expect(generatedTypescriptSample(doc, service, op!, english)).toBe(
      [
        "import { createSvcClient } from '@hwsec/svc';",
        '',
        '// AK/SK and project from HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK, HUAWEICLOUD_SDK_PROJECT_ID (as in',
        "// Huawei's SDKs); HWSEC_SVC_BASE_URL=http://127.0.0.1:4099 sends it to the mock.",
        'const svc = createSvcClient({',
        "  region: 'cn-north-4',",
        '});',
        '',
        'const { data, error } = await svc.payThing({',
        '  params: {',
        '    path: {',
        "      thing_id: 't-1',",
        '    },',
        '    query: {',
        '      limit: 10,',
        '    },',
        '  },',
        '  body: {',
        "    id: 'a',",
        '  },',
        '});',
        'if (error) {',
        '  throw new Error(`${error.error_code}: ${error.error_msg}`);',
        '}',
        'console.log(data);',
        '',
      ].join('\n'),
    );
  });

  it('a global service (no {region}, no {project_id}) gets a client without region or project', () => {
    const doc = thing({ url: 'https://svc.example.com' }, '/v3/things', []);
    const [op] = listOperations(doc);
    const sample = generatedTypescriptSample(doc, service, op!, english)!;
    expect(sample).toContain('const svc = createSvcClient({});');
    expect(sample).toContain('// AK/SK from HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK (as');
    expect(sample).not.toContain('PROJECT_ID');
  });

  it('an API without a client has none', () => {
    const doc = thing({ url: 'https://svc.example.com' }, '/v3/things', []);
    const [op] = listOperations(doc);
    expect(
      generatedTypescriptSample(doc, { id: 'svc', mockPort: 4099 }, op!, english),
    ).toBeUndefined();
  });

  it("on a Chinese page: Chinese comments, and the client's language option where the service answers in Chinese", () => {
    const doc = {
      ...thing({ url: 'https://svc.example.com' }, '/v3/things', []),
      'x-hwsec-error-languages': { header: 'X-Language', translations: { 'zh-cn': {} } },
    };
    const [op] = listOperations(doc);
    const sample = generatedTypescriptSample(doc, service, op!, chinese)!;
    expect(sample).toContain("const svc = createSvcClient({\n  language: 'zh-cn',\n});");
    expect(sample).toContain(
      '// AK/SK取自 HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK（与华为云SDK相同）',
    );
    expect(generatedTypescriptSample(doc, service, op!, english)).toContain('createSvcClient({});');
  });
});

describe('mockEnvironment', () => {
  it('points every API at its mock port, wrapped for a shell', () => {
    const text = mockEnvironment(
      ['aaa', 'bbb', 'ccc', 'with-dash'].map((id, i) => ({ id, mockPort: 4010 + i })),
    );
    expect(text.split('\n')[0]).toMatch(/^export HWSEC_AAA_BASE_URL=http:\/\/127\.0\.0\.1:4010 /);
    expect(text).toContain('HWSEC_WITH_DASH_BASE_URL=http://127.0.0.1:4013');
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    expect(
      text
        .split('\n')
        .slice(0, -1)
        .every((line) => line.endsWith(' \\')),
    ).toBe(true);
  });
});

describe('page translations', () => {
  const translated = siteLanguages.filter((l) => l.folder);

  it.each(['landing', 'flow', 'orders'])(
    '%s: every text they translate is in the English template, and no English prose is left',
    (name) => {
      const template = readFileSync(join(appDir, 'templates', `${name}.html`), 'utf8');
      for (const language of translated) {
        const { html, missing } = translateTemplate(
          template,
          join(appDir, 'templates', `${name}.${language.code}.yaml`),
        );
        expect(missing, `${language.code} texts no longer in ${name}.html`).toEqual([]);
        expect(untranslatedTexts(html), `${language.code} ${name}: English left`).toEqual([]);
        expect(html).toContain(`<html lang="${language.code}">`);
      }
    },
  );

  it('the Try it console: every text it translates is in try-it.html, and no English prose is left', () => {
    const template = readFileSync(join(appDir, 'templates', 'try-it.html'), 'utf8');
    for (const language of translated) {
      const { html, missing } = translateTemplate(
        template,
        join(appDir, 'templates', `try-it.${language.code}.yaml`),
      );
      expect(missing, `${language.code} texts no longer in try-it.html`).toEqual([]);
      expect(untranslatedTexts(html), `${language.code} try-it: English left`).toEqual([]);
      // Its accessible names are read out, though no text node holds them.
      expect(html.match(/aria-label="[^"]*[a-z]{2,} [a-z]{2,}[^"]*"/g) ?? []).toEqual([]);
    }
  });

  it("the mock's rules: every translated text is in apps/mock/README.md, and no English prose is left", () => {
    const { rules } = readMockReadme();
    for (const language of translated) {
      const { html, missing } = rulesHtml(rules, join(appDir, 'templates'), language);
      expect(missing, `${language.code} texts no longer in the README's rules`).toEqual([]);
      expect(untranslatedTexts(html), `${language.code} rules: English left`).toEqual([]);
    }
  });

  it('report an English text that changed', () => {
    const { missing } = translateTemplate(
      '<html lang="en"><h2 id="operations">Endpoints</h2>',
      join(appDir, 'templates', 'landing.zh-CN.yaml'),
    );
    expect(missing).toContain('<h2 id="operations">Operations</h2>');
    expect(missing).not.toContain('<html lang="en">');
  });

  it('find English prose outside code, and pass names, code and Chinese', () => {
    expect(
      untranslatedTexts(
        '<p><strong>HSS CreateQuotasOrder.</strong> 每次调用 <code>is_auto_pay: true</code></p>' +
          '<pre><code>// buy three quotas</code></pre><td>400</td><p>The mock renews nothing.</p>',
      ),
    ).toEqual(['The mock renews nothing.']);
    // Untranslated, the README's rules are English throughout.
    const english = rulesHtml(readMockReadme().rules, join(appDir, 'templates'), siteLanguages[0]!);
    expect(untranslatedTexts(english.html).length).toBeGreaterThan(5);
  });
});

describe('markdownSection', () => {
  const readme = [
    '# Title',
    '## Stateful mode',
    '```sh',
    '# not a heading',
    'pnpm mock -- --stateful',
    '```',
    '### Rules',
    'Rule **one**.',
    '### Control API',
    'Calls.',
    '## Next',
  ].join('\n');

  it('reads a section up to the next heading of its level, ignoring # lines in code', () => {
    const stateful = markdownSection(readme, '## Stateful mode');
    expect(stateful).toContain('### Control API');
    expect(stateful).not.toContain('## Next');
    expect(firstCodeBlock(stateful, 'sh')).toBe('# not a heading\npnpm mock -- --stateful\n');
    expect(markdownSection(stateful, '### Rules')).toBe('Rule **one**.');
  });

  it('fails the build on a section or code block that is not there', () => {
    expect(() => markdownSection(readme, '### Rulez', 'README.md')).toThrow(
      'README.md has no section "### Rulez"',
    );
    expect(() => firstCodeBlock('text', 'sh', 'the section')).toThrow('the section has no ```sh');
  });
});

describe('Testing a flow page', () => {
  it('holds the example files byte for byte, HTML-escaped, and a row per control operation', () => {
    const example = readFlowExample();
    const lostAnswerExample = readLostAnswerExample();
    const controlDoc = readControlDocument();
    const html = renderFlowPage({
      template: readFileSync(join(appDir, 'templates', 'flow.html'), 'utf8'),
      styles: '',
      alternates: '',
      languageSwitch: '',
      startCommands: readMockReadme().startCommands,
      rules: '',
      example,
      lostAnswerExample,
      controlDoc,
    });
    const shown = (id: string) =>
      new RegExp(`<pre id="${id}"><code>([\\s\\S]*?)</code></pre>`)
        .exec(html)![1]!
        .replaceAll('&lt;', '<')
        .replaceAll('&gt;', '>')
        .replaceAll('&quot;', '"')
        .replaceAll('&amp;', '&');
    expect(shown('flow-example')).toBe(example);
    expect(shown('lost-answer-example')).toBe(lostAnswerExample);
    expect(html.match(/<tr data-operation-id=/g)).toHaveLength(listOperations(controlDoc).length);
  });
});

describe('Placing orders safely page', () => {
  it('holds its sample byte for byte, HTML-escaped, and a row per operation of the spec that buys or pays', () => {
    const apis = services.map((service) => ({
      service,
      doc: parse(readFileSync(bundleFile(service, siteLanguages[0]!), 'utf8')),
    }));
    const example = readOrdersSample();
    const html = renderOrdersPage({
      template: readFileSync(join(appDir, 'templates', 'orders.html'), 'utf8'),
      styles: '',
      alternates: '',
      languageSwitch: '',
      example,
      apis,
    });
    const shown = /<pre id="orders-example"><code>([\s\S]*?)<\/code><\/pre>/.exec(html)![1]!;
    const unescaped = shown
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&quot;', '"')
      .replaceAll('&amp;', '&');
    expect(unescaped).toBe(example);
    const rows = [...html.matchAll(/<tr data-operation-id="(\w+)">/g)].map((m) => m[1]);
    const ordering = apis.flatMap(({ doc }) =>
      listOperations(doc)
        .filter((op) => op.operation['x-hwsec-order'])
        .map((op) => op.operationId),
    );
    expect(rows).toEqual(ordering);
    expect(rows).toEqual(
      expect.arrayContaining([
        'CreateQuotasOrder',
        'CreateProductOrder',
        'UpdateSubscriptionOrder',
        'PayOrders',
      ]),
    );
    expect(html).toContain('<code>scene: PREPAID</code>');
  });
});

describe('per-example TypeScript samples', () => {
  const sample = `const { data } = await client.updateThing({\n  body: {\n    a: 1,\n  },\n  params: { header: { 'X-Language': 'en-us' } },\n});\n`;

  it('replace only the body, in the samples’ own style', () => {
    expect(
      withBody(sample, 'updateThing', { scene: "it's", list: [{ 'odd-key': true }], empty: [] }),
    ).toBe(
      `const { data } = await client.updateThing({\n  body: {\n    scene: 'it\\'s',\n    list: [\n      {\n        'odd-key': true,\n      },\n    ],\n    empty: [],\n  },\n  params: { header: { 'X-Language': 'en-us' } },\n});\n`,
    );
  });

  it('fail when the sample does not call the method with a body', () => {
    expect(() => withBody(sample, 'createThing', {})).toThrow('createThing({ body: … })');
  });
});

describe('fillPercentSlots', () => {
  it('fails on a slot without a value and on a value without a slot', () => {
    expect(fillPercentSlots('<html lang="%lang%">', { lang: 'zh-CN' })).toBe('<html lang="zh-CN">');
    expect(() => fillPercentSlots('%a%%b%', { a: '' })).toThrow('%b%');
    expect(() => fillPercentSlots('%a%', { a: '', c: '' })).toThrow('c');
  });
});

describe('localizeRedocLabels', () => {
  const hook =
    'useTranslate:()=>({translate:(e,t)=>(typeof t==`string`?t:t?.defaultValue)||e||``})';
  // Redoc's code as the page holds it: the hook, and each label it writes without the hook as
  // often as Redoc's bundle has it.
  const unhooked = UNHOOKED.map(({ from, count }) => `;${from}`.repeat(count)).join('');
  const firstView = '<nav><span>Request</span><button>Show 2 variables</button></nav>';
  const page = `<div id="redoc">${firstView}</div><script type="module">const a={${hook}}${unhooked}</script>`;
  const labels = [
    { key: 'request', en: 'Request', zh: '请求</script>' },
    { key: 'actions.show', en: 'Show', zh: '展开' },
    { key: 'variables', en: 'variables', zh: '个变量' },
    { key: 'hwsec.or', en: 'or', zh: '或' },
  ];

  it("gives Redoc's translation hook the labels, in the page's own script, and leaves an English page alone", () => {
    const html = localizeRedocLabels(page, labels);
    expect(html).not.toContain(hook);
    expect(html).toContain(
      '<script type="module">const hwsecRedocLabels={"request":"请求\\u003c/script>",',
    );
    // The server-rendered first view is in the page's language before any script runs.
    expect(html).toContain(
      '<nav><span>请求&lt;/script&gt;</span><button>展开 2 个变量</button></nav>',
    );
    // A label written without the hook asks the labels by its key, with Redoc's English default.
    const ask = new Function(
      'hwsecRedocLabels',
      `${/const hwsecRedocLabel=[^;]*;/.exec(html)![0]} return hwsecRedocLabel;`,
    )({ 'hwsec.or': '或' });
    expect(ask('hwsec.or', 'or')).toBe('或');
    expect(ask('hwsec.and', 'and')).toBe('and');
    for (const { from } of UNHOOKED) expect(html).not.toContain(from);
    // The hook as the page runs it: a label it has, else Redoc's English default.
    const translate = new Function(
      'hwsecRedocLabels',
      `return ({${/useTranslate:[^;]*?\}\)/.exec(html)![0]}}).useTranslate().translate;`,
    )({ request: '请求' });
    expect(translate('request', 'Request')).toBe('请求');
    expect(translate('responses', 'Responses')).toBe('Responses');
    expect(localizeRedocLabels(page, [])).toBe(page);
  });

  it('fails the build when Redoc no longer has the code it replaces', () => {
    expect(() => localizeRedocLabels(page.replace(hook, ''), labels)).toThrow(
      'the translation hook',
    );
    for (const { from, what } of UNHOOKED)
      expect(() => localizeRedocLabels(page.replace(from, ''), labels)).toThrow(what);
  });

  it('every translated language has a label for what Redoc shows on an operation', () => {
    for (const language of siteLanguages.filter((l) => l.folder)) {
      const keys = readRedocLabels(join(appDir, 'templates'), language).map((l) => l.key);
      for (const key of ['request', 'responses', 'path', 'query', 'header', 'body', 'security'])
        expect(keys, `${language.code}: ${key}`).toContain(key);
      for (const key of ['required', 'example', 'enum', 'openapi.expandAll', 'loading'])
        expect(keys, `${language.code}: ${key}`).toContain(key);
    }
  });
});
