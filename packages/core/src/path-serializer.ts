// Path parameters are encoded with the signer's own strict set (RFC 3986 unreserved only), so
// the URL we send and the URL we sign can never be normalized differently by fetch.
import { percentEncode } from './signer/percent-encode.js';

const PATH_PARAM = /\{([^{}]+)\}/g;

export function strictPathSerializer(pathname: string, params: Record<string, unknown>): string {
  return pathname.replace(PATH_PARAM, (match, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) return match;
    const text = String(value);
    // fetch would resolve these as dot segments and send a path we did not sign.
    if (text === '.' || text === '..' || text === '')
      throw new TypeError(`bad path parameter ${name}`);
    return percentEncode(text);
  });
}
