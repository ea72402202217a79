/**
 * The local docs site (`pnpm site`, `pnpm start`): where it listens unless told otherwise. The docs
 * server reads it, and the mock derives the origin it lets browsers call it from (CORS), so the
 * reference pages' console reaches the mock with nothing configured.
 */
export const DOCS_DEFAULT_PORT = 4000;

/** The variable that moves the docs server (and with it the mock's default CORS origin). */
export const DOCS_PORT_VARIABLE = 'HWSEC_DOCS_PORT';

/** The origins a browser shows for the local docs on `port` (both loopback names). */
export function localDocsOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}
