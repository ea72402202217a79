// Overlay targets are JSONPath (RFC 9535). Redocly skips a target that matches nothing without a
// word, so translations use a small, exact subset that resolves to one JSON pointer and is
// checked here:
//   $                       the document
//   .name  ['any key']      a member (bracket form for keys such as '/v5/{project_id}/…')
//   [0]                     an array item
//   [?@.name=='region']     the one array item whose `name` is that string (tags, parameters)
import { pointerToken } from './human-text.mjs';

const segment =
  /^(?:\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\[\s*'((?:[^'\\]|\\.)*)'\s*\]|\[\s*\?\s*@\.([A-Za-z_][A-Za-z0-9_]*)\s*==\s*'((?:[^'\\]|\\.)*)'\s*\])/;

const unescape = (text) => text.replace(/\\(.)/g, '$1');

/** @returns {Array<{ member?: string, index?: number, filter?: { key: string, value: string } }>} */
export function parseTarget(target) {
  if (typeof target !== 'string' || !target.startsWith('$'))
    throw new Error(`target must start with $: ${JSON.stringify(target)}`);
  const steps = [];
  let rest = target.slice(1);
  while (rest.length) {
    const match = segment.exec(rest);
    if (!match)
      throw new Error(
        `target ${JSON.stringify(target)}: unsupported syntax at ${JSON.stringify(rest)} (use .name, ['key'], [0] or [?@.name=='value'])`,
      );
    if (match[1] !== undefined) steps.push({ member: match[1] });
    else if (match[2] !== undefined) steps.push({ index: Number(match[2]) });
    else if (match[3] !== undefined) steps.push({ member: unescape(match[3]) });
    else steps.push({ filter: { key: match[4], value: unescape(match[5]) } });
    rest = rest.slice(match[0].length);
  }
  return steps;
}

/**
 * Resolves a target in a document.
 * @returns {{ pointer: string } | { error: string }} the JSON pointer of the one node it matches
 */
export function resolveTarget(document, target) {
  let steps;
  try {
    steps = parseTarget(target);
  } catch (error) {
    return { error: error.message };
  }
  let node = document;
  let pointer = '';
  for (const step of steps) {
    if (step.filter) {
      if (!Array.isArray(node)) return { error: `${pointer || '/'} is not an array` };
      const hits = node
        .map((item, index) => [item, index])
        .filter(([item]) => item && item[step.filter.key] === step.filter.value);
      if (hits.length !== 1)
        return {
          error: `${hits.length} items of ${pointer || '/'} have ${step.filter.key} == '${step.filter.value}' (need exactly 1)`,
        };
      [node] = hits[0];
      pointer += `/${hits[0][1]}`;
      continue;
    }
    const key = step.member ?? step.index;
    const isMember = node && typeof node === 'object' && Object.hasOwn(node, key);
    if (!isMember || (step.index !== undefined && !Array.isArray(node)))
      return { error: `nothing at ${pointer}/${pointerToken(key)}` };
    node = node[key];
    pointer += `/${pointerToken(key)}`;
  }
  if (!node || typeof node !== 'object' || Array.isArray(node))
    return { error: `${pointer || '/'} is not an object` };
  return { pointer };
}

/** The target this subset writes for a JSON pointer: what a translator pastes for a new text. */
export function targetForPointer(document, pointer) {
  let node = document;
  let target = '$';
  if (pointer === '') return target;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (Array.isArray(node)) {
      const item = node[Number(key)];
      const name = item?.name;
      const unique = typeof name === 'string' && node.filter((i) => i?.name === name).length === 1;
      target += unique ? `[?@.name=='${name.replace(/['\\]/g, '\\$&')}']` : `[${key}]`;
      node = item;
    } else {
      target += /^[A-Za-z_][A-Za-z0-9_]*$/.test(key)
        ? `.${key}`
        : `['${key.replace(/['\\]/g, '\\$&')}']`;
      node = node?.[key];
    }
  }
  return target;
}
