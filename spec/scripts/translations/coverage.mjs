// Checks one translation overlay against the English bundle it translates: every action's target
// matches exactly one object, every action only replaces human text, every human text of the
// English bundle is translated once, and every translation was made from the English text as it
// is now (`x-source-hash`, see human-text.mjs#sourceHash).
import { humanTextKeys, humanTexts, resolvePointer, sourceHash } from './human-text.mjs';
import { resolveTarget, targetForPointer } from './targets.mjs';

/** The extension on each overlay action: the hash of the English text, per translated key. */
export const sourceHashKey = 'x-source-hash';

export const refreshCommand = 'pnpm --filter @hwsec/spec translations refresh-hashes';

/**
 * @typedef {{ kind: 'invalid' | 'no-target' | 'not-text' | 'duplicate' | 'missing' | 'stale',
 *   message: string, pointer?: string, key?: string, action?: number }} Problem
 * @typedef {{ pointer: string, key: string, text: string, action: number }} Translation
 */

/** The YAML a translator adds for an untranslated text; the hash is already right. */
export function actionSnippet(english, pointer, key, text) {
  return [
    `  - target: ${JSON.stringify(targetForPointer(english, pointer))}`,
    `    update:`,
    `      ${key}: <translation>`,
    `    ${sourceHashKey}:`,
    `      ${key}: ${sourceHash(text)}`,
  ].join('\n');
}

/**
 * Checks the overlays of one API in one language, in the order Redocly applies them.
 * @param {{ english: object, language: string,
 *   overlays: Array<{ file: string, overlay: any, shared?: boolean }> }} input
 *   a `shared` overlay serves every API: its actions may match nothing in this one (see
 *   checkLanguage), and the others must match.
 * @returns {{ problems: Problem[], translations: Translation[], unmatchedShared: string[] }}
 *   `unmatchedShared` names the shared actions (`file#index`) that matched nothing here
 */
export function checkTranslation({ english, language, overlays }) {
  /** @type {Problem[]} */
  const problems = [];
  /** @type {Translation[]} */
  const translations = [];
  const unmatchedShared = [];
  const translated = new Map();
  const lastFile = overlays.at(-1)?.file ?? 'the overlay';

  for (const { file, overlay, shared } of overlays) {
    const fail = (problem) =>
      problems.push({ ...problem, file, message: `${file}: ${problem.message}` });
    if (overlay?.overlay !== '1.0.0' || !overlay?.info?.title || !overlay?.info?.version) {
      fail({ kind: 'invalid', message: 'not an OpenAPI Overlay 1.0.0 document (overlay, info)' });
    }
    const actions = Array.isArray(overlay?.actions) ? overlay.actions : [];
    if (!Array.isArray(overlay?.actions)) fail({ kind: 'invalid', message: 'has no actions list' });

    actions.forEach((action, index) => {
      const where = `action ${index + 1} (target ${JSON.stringify(action?.target)})`;
      if (action?.remove !== undefined || !action?.update || typeof action.update !== 'object') {
        fail({
          kind: 'invalid',
          action: index,
          message: `${where}: a translation only updates text; no remove, and update must be an object`,
        });
        return;
      }
      const resolved = resolveTarget(english, action.target);
      if ('error' in resolved) {
        if (shared) unmatchedShared.push(`${file}#${index}`);
        else
          fail({
            kind: 'no-target',
            action: index,
            message: `${where} matches nothing: ${resolved.error}`,
          });
        return;
      }
      const { pointer } = resolved;
      const holder = resolvePointer(english, pointer);
      const hashes = action[sourceHashKey] ?? {};
      for (const [key, text] of Object.entries(action.update)) {
        const at = `${pointer}/${key}`;
        if (!humanTextKeys.has(key) || typeof text !== 'string') {
          fail({
            kind: 'not-text',
            action: index,
            pointer,
            key,
            message: `${where} changes ${at}, which is not human text (only ${[...humanTextKeys].join(', ')}, as strings); facts must be the same in every language`,
          });
          continue;
        }
        if (typeof holder[key] !== 'string') {
          fail({
            kind: 'no-target',
            action: index,
            pointer,
            key,
            message: `${where} translates ${at}, which has no English text`,
          });
          continue;
        }
        if (translated.has(at)) {
          fail({
            kind: 'duplicate',
            action: index,
            pointer,
            key,
            message: `${where} translates ${at} again (first in ${translated.get(at)})`,
          });
          continue;
        }
        translated.set(at, `${file} action ${index + 1}`);
        translations.push({ pointer, key, text, action: index, file });
        const expected = sourceHash(holder[key]);
        if (hashes[key] !== expected) {
          fail({
            kind: 'stale',
            action: index,
            pointer,
            key,
            message: `${language} translation of ${at} is stale: the English text changed since it was translated (${sourceHashKey}.${key} is ${hashes[key] ?? 'missing'}, the English text's hash is ${expected}). Review the translation, then run \`${refreshCommand}\``,
          });
        }
      }
    });
  }

  for (const { pointer, key, text } of humanTexts(english)) {
    if (translated.has(`${pointer}/${key}`)) continue;
    problems.push({
      kind: 'missing',
      pointer,
      key,
      message: `${pointer}/${key} has no ${language} translation. Add to ${lastFile} (or the shared overlay, for a text of openapi/common):\n${actionSnippet(english, pointer, key, text)}`,
    });
  }
  return { problems, translations, unmatchedShared };
}

/**
 * Checks a language across every API: each API's own overlays, and the shared overlay's actions,
 * each of which must match in at least one API.
 * @param {{ language: string, apis: Array<{ api: string, english: object,
 *   overlays: Array<{ file: string, overlay: any, shared?: boolean }> }> }} input
 * @returns {{ problems: Problem[], byApi: Map<string, Translation[]> }}
 */
export function checkLanguage({ language, apis }) {
  const problems = [];
  const byApi = new Map();
  let unmatchedEverywhere;
  for (const { api, english, overlays } of apis) {
    const result = checkTranslation({ english, language, overlays });
    problems.push(...result.problems.map((p) => ({ ...p, api, message: `[${api}] ${p.message}` })));
    byApi.set(api, result.translations);
    const unmatched = new Set(result.unmatchedShared);
    unmatchedEverywhere = unmatchedEverywhere
      ? new Set([...unmatchedEverywhere].filter((id) => unmatched.has(id)))
      : unmatched;
  }
  for (const id of unmatchedEverywhere ?? []) {
    const [file, index] = id.split('#');
    const target = apis[0].overlays.find((o) => o.file === file)?.overlay.actions[Number(index)]
      ?.target;
    problems.push({
      kind: 'no-target',
      action: Number(index),
      message: `${file}: action ${Number(index) + 1} (target ${JSON.stringify(target)}) matches nothing in any API`,
    });
  }
  return { problems, byApi };
}
