// POSIX shell quoting for the curl commands the site shows: the reference pages' curl samples
// (curl-sample.mjs) and the Try it console's "as curl" of the call it made (try-it/browser/), which
// esbuild bundles for the browser, so this module stays plain JavaScript with no Node built-in.

/** Inside double quotes only these keep a special meaning in POSIX shells. */
export function doubleQuoted(text) {
  return `"${String(text).replace(/(["\\`$])/g, '\\$1')}"`;
}

/** Nothing is special inside single quotes; a quote itself ends them, is escaped, and reopens. */
export function singleQuoted(text) {
  return `'${String(text).replaceAll("'", `'\\''`)}'`;
}
