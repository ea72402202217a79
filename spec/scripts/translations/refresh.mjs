// Records, after a translator has reviewed them, that stale translations now match the current
// English text: rewrites only their `x-source-hash` entries and keeps the rest of the file.
import { parseDocument } from 'yaml';
import { sourceHashKey } from './coverage.mjs';

/**
 * @param {string} source the overlay's YAML
 * @param {Array<{ action: number, key: string, hash: string }>} reviewed the stale translations
 *   (action index, translated key) and the hash of their English text now (human-text.mjs)
 */
export function refreshHashes(source, reviewed) {
  const document = parseDocument(source);
  for (const { action, key, hash } of reviewed) {
    document.setIn(['actions', action, sourceHashKey, key], hash);
  }
  return document.toString({ lineWidth: 0 });
}
