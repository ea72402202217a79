// Translations are overlays that change human text only. These tests hold the real ones to that
// (complete, current, applied by Redocly, no fact changed) and check the checker itself on
// temporary fixtures: a missing, a stale and a non-matching translation must each be reported.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { checkLanguage } from '../scripts/translations/coverage.mjs';
import {
  bundleFile,
  languages,
  loadLanguage,
  registeredApis,
} from '../scripts/translations/files.mjs';
import {
  humanTexts,
  resolvePointer,
  sourceHash,
  withoutHumanText,
} from '../scripts/translations/human-text.mjs';
import { refreshHashes } from '../scripts/translations/refresh.mjs';
import { resolveTarget } from '../scripts/translations/targets.mjs';

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const cjk = /[\u3400-\u9fff]/;

describe.each(languages)('%s translations', (language) => {
  const input = loadLanguage(language);

  it('cover every human text of every API, each made from the English text as it is now', () => {
    const { problems } = checkLanguage(input);
    expect(problems.map((problem) => problem.message).join('\n\n')).toBe('');
  });

  describe.each(registeredApis())('%s bundle', (api) => {
    const english = readJson(bundleFile(api));
    const translated = readJson(bundleFile(api, language));
    const { byApi } = checkLanguage(input);

    it('states the same facts as the English one once human text is set aside', () => {
      expect(withoutHumanText(translated)).toEqual(withoutHumanText(english));
    });

    it('carries every translation of its overlays (Redocly applied them all)', () => {
      const translations = byApi.get(api) ?? [];
      expect(translations.length).toBe(humanTexts(english).length);
      for (const { pointer, key, text } of translations) {
        expect(resolvePointer(translated, pointer)?.[key], `${pointer}/${key}`).toBe(text);
      }
    });

    it('has no English left where a reader looks', () => {
      const untranslated = humanTexts(translated)
        .filter(({ text }) => !cjk.test(text))
        .map(({ pointer, key, text }) => `${pointer}/${key}: ${text}`);
      expect(untranslated).toEqual([]);
    });
  });
});

describe('translation checker', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hwsec-translations-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const english = {
    openapi: '3.1.0',
    info: { title: 'Orders API', version: '1.0.0', description: 'Places orders.' },
    tags: [{ name: 'Orders', description: 'Orders of things.' }],
    paths: {
      '/v1/{project_id}/orders': {
        post: {
          operationId: 'CreateOrder',
          tags: ['Orders'],
          summary: 'Create an order',
          parameters: [
            {
              name: 'region',
              in: 'header',
              description: 'Region ID.',
              schema: { type: 'string', maxLength: 128 },
              examples: { north: { summary: 'North China', value: 'cn-north-4' } },
            },
          ],
          responses: {
            '200': {
              description: 'The order.',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: {
                      // A property named like a keyword is still a schema with prose in it.
                      value: { type: 'integer', description: 'Amount, in cents.' },
                    },
                  },
                  example: { value: 1, description: 'example data, not prose' },
                },
              },
            },
          },
        },
      },
    },
  };
  const op = "$.paths['/v1/{project_id}/orders'].post";
  const action = (target: string, update: Record<string, string>, hashOf = update) => ({
    target,
    update,
    'x-source-hash': Object.fromEntries(
      Object.keys(hashOf).map((key) => [key, sourceHash(hashOf[key]!)]),
    ),
  });
  /** A complete, current translation: each hash made from the English text it replaces. */
  const englishOf = (target: string, key: string) =>
    resolvePointer(english, (resolveTarget(english, target) as { pointer: string }).pointer)[key];
  const complete = () => {
    const entries: Array<[string, string[]]> = [
      ['$.info', ['title', 'description']],
      ["$.tags[?@.name=='Orders']", ['description']],
      [op, ['summary']],
      [`${op}.parameters[?@.name=='region']`, ['description']],
      [`${op}.parameters[?@.name=='region'].examples.north`, ['summary']],
      [`${op}.responses['200']`, ['description']],
      [
        `${op}.responses['200'].content['application/json'].schema.properties.value`,
        ['description'],
      ],
    ];
    return entries.map(([target, keys]) => ({
      target,
      update: Object.fromEntries(keys.map((key) => [key, `译文 ${key}`])),
      'x-source-hash': Object.fromEntries(
        keys.map((key) => [key, sourceHash(englishOf(target, key))]),
      ),
    }));
  };
  const overlay = (actions: unknown[]) => ({
    overlay: '1.0.0',
    info: { title: 'fixture zh-CN', version: '1.0.0' },
    actions,
  });
  const check = (actions: unknown[], shared: unknown[] = []) =>
    checkLanguage({
      language: 'zh-CN',
      apis: [
        {
          api: 'orders',
          english,
          overlays: [
            { file: 'overlays/common.zh-CN.yaml', overlay: overlay(shared), shared: true },
            { file: 'overlays/orders.zh-CN.yaml', overlay: overlay(actions), shared: false },
          ],
        },
      ],
    }).problems;

  it('accepts a complete, current translation', () => {
    expect(humanTexts(english)).toHaveLength(8);
    expect(check(complete())).toEqual([]);
  });

  it('names the JSON pointer of an English text that has no translation', () => {
    const actions = complete().filter((a) => !a.target.endsWith('properties.value'));
    const problems = check(actions);
    expect(problems.map((p) => p.kind)).toEqual(['missing']);
    const pointer =
      '/paths/~1v1~1{project_id}~1orders/post/responses/200/content/application~1json/schema/properties/value';
    expect(problems[0]!.message).toContain(`${pointer}/description has no zh-CN translation`);
    // The message carries the action to paste, with the right target and hash.
    expect(problems[0]!.message).toContain(
      `target: "${op}.responses['200'].content['application/json'].schema.properties.value"`,
    );
    expect(problems[0]!.message).toContain(`description: ${sourceHash('Amount, in cents.')}`);
  });

  it('reports a translation whose English text changed since, and refreshes it on request', () => {
    const actions = complete();
    actions[0]!['x-source-hash']['description'] = sourceHash('Places orders of old.');
    const problems = check(actions);
    expect(problems.map((p) => [p.kind, p.pointer, p.key])).toEqual([
      ['stale', '/info', 'description'],
    ]);
    expect(problems[0]!.message).toContain('refresh-hashes');

    const file = join(dir, 'orders.zh-CN.yaml');
    writeFileSync(file, `# reviewed by a translator\n${stringify(overlay(actions))}`);
    const refreshed = refreshHashes(
      readFileSync(file, 'utf8'),
      problems.map((p) => ({
        ...p,
        action: p.action!,
        key: p.key!,
        hash: sourceHash(english.info.description),
      })),
    );
    expect(refreshed).toContain('# reviewed by a translator');
    expect(check(parse(refreshed).actions)).toEqual([]);
  });

  it('does not call a translation stale when the English text was only re-wrapped', () => {
    expect(sourceHash('Places  orders\nof things.\n')).toBe(sourceHash('Places orders of things.'));
    expect(sourceHash('Places orders of things.')).not.toBe(sourceHash('Places orders of stuff.'));
  });

  it('reports an action whose target matches nothing, which Redocly would skip silently', () => {
    const actions = [
      ...complete(),
      action("$.paths['/v1/{project_id}/order'].post", { summary: '创建订单' }),
      action(`${op}.parameters[?@.name=='Region']`, { description: '区域ID。' }),
      action('$.paths..post', { summary: '任意' }),
    ];
    const problems = check(actions);
    expect(problems.map((p) => p.kind)).toEqual(['no-target', 'no-target', 'no-target']);
    expect(problems[0]!.message).toContain('nothing at /paths/~1v1~1{project_id}~1order');
    expect(problems[1]!.message).toContain(
      "0 items of /paths/~1v1~1{project_id}~1orders/post/parameters have name == 'Region'",
    );
    expect(problems[2]!.message).toContain('unsupported syntax');
  });

  it('reports a shared action that matches in no API, but not one that matches in another', () => {
    const shared = [action('$.components.schemas.Nowhere', { description: '无' })];
    expect(check(complete(), shared).map((p) => p.message)).toEqual([
      'overlays/common.zh-CN.yaml: action 1 (target "$.components.schemas.Nowhere") matches nothing in any API',
    ]);
  });

  it('rejects an action that would change a fact, remove something or translate twice', () => {
    const actions = [
      ...complete(),
      { target: `${op}.parameters[?@.name=='region'].schema`, update: { maxLength: 64 } },
      { target: '$.info', remove: true },
      action(op, { summary: '再译一次' }, { summary: 'Create an order' }),
    ];
    expect(check(actions).map((p) => p.kind)).toEqual(['not-text', 'invalid', 'duplicate']);
  });

  // A real Redocly process: on a loaded 2-core machine it can take several seconds to start.
  it(
    'sees through Redocly, which applies the matching actions and skips the rest without a word',
    { timeout: 60_000 },
    () => {
      const specFile = join(dir, 'openapi.yaml');
      const overlayFile = join(dir, 'fixture.zh-CN.yaml');
      const output = join(dir, 'bundle.yaml');
      writeFileSync(specFile, stringify(english));
      const actions = [
        ...complete(),
        action("$.paths['/v1/{project_id}/order'].post", { summary: '创建订单' }),
      ];
      writeFileSync(overlayFile, stringify(overlay(actions)));
      const redocly = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');
      execFileSync(
        process.execPath,
        [redocly, 'bundle', specFile, '--overlay', overlayFile, '--output', output],
        { cwd: dir, stdio: 'pipe', env: { ...process.env, REDOCLY_TELEMETRY: 'off' } },
      );
      const bundled = parse(readFileSync(output, 'utf8'));
      expect(bundled.info.title).toBe('译文 title');
      expect(bundled.paths['/v1/{project_id}/order']).toBeUndefined();
      expect(check(actions).map((p) => p.kind)).toEqual(['no-target']);
    },
  );
});
