// Whether a failed fetch provably sent nothing: the connection was refused, the name did not
// resolve, or the TLS handshake failed (certificate, host name), all before a byte of the request
// could be written. Anything else (a reset, a browser's bare "Failed to fetch") may have reached
// the server, so an order that failed so may have been placed. Recognized by the codes and
// messages of Node (node:http and undici), Deno and Bun; browsers tell us nothing.
import { describe } from './errors.js';

const NOT_SENT =
  /ECONNREFUSED|ConnectionRefused|Connection refused|ENOTFOUND|EAI_AGAIN|EAI_NONAME|dns error|failed to lookup address|CERT_|_CERT\b|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS_CERT|invalid peer certificate|unsupported protocol|ERR_INVALID_URL/i;

export const provablyNotSent = (error: unknown): boolean => NOT_SENT.test(describe(error));
