// The build's own guards: a page that would load from another host, a landing slot left empty,
// a curl sample whose example text could break out of its shell quoting, a landing translation
// whose English text changed or English prose left in a translated page, the README sections the
// "Testing a flow" page renders, and the per-example TypeScript samples.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { curlSample } from '../src/curl-sample.mjs';
import { fillTemplate } from '../src/landing-page.mjs';
import { fillPercentSlots } from '../src/language-switch.mjs';
import { withBody } from '../src/sample-variants.mjs';
import { siteLanguages } from '../src/site-languages.mjs';
import { translateTemplate } from '../src/template-translation.mjs';
import { appDir } from './site-expectations.js';
import { findExternalLoads, localizeRedocAssets } from '../src/offline.mjs';
import { listOperations } from '../src/operations.mjs';
import { readFlowExample, readMockReadme, renderFlowPage, rulesHtml } from '../src/flow-page.mjs';
import { firstCodeBlock, markdownSection } from '../src/markdown-section.mjs';
import { readControlDocument } from '../src/mock-sources.mjs';
import { untranslatedTexts } from '../src/untranslated-text.mjs';

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

  it('builds the call from the spec and keeps the example body inert in the shell', () => {
    const [op] = listOperations(doc);
    expect(curlSample(doc, op!)).toBe(
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
});

describe('page translations', () => {
  const translated = siteLanguages.filter((l) => l.folder);

  it.each(['landing', 'flow'])(
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
  it('holds the example file byte for byte, HTML-escaped, and a row per control operation', () => {
    const example = readFlowExample();
    const controlDoc = readControlDocument();
    const html = renderFlowPage({
      template: readFileSync(join(appDir, 'templates', 'flow.html'), 'utf8'),
      styles: '',
      alternates: '',
      languageSwitch: '',
      startCommands: readMockReadme().startCommands,
      rules: '',
      example,
      controlDoc,
    });
    const shown = /<pre id="flow-example"><code>([\s\S]*?)<\/code><\/pre>/.exec(html)![1]!;
    const unescaped = shown
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&quot;', '"')
      .replaceAll('&amp;', '&');
    expect(unescaped).toBe(example);
    expect(html.match(/<tr data-operation-id=/g)).toHaveLength(listOperations(controlDoc).length);
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
