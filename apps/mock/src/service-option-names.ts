/**
 * The per-service flags and variables, named after the API id of the registry, so a new API gets
 * its own `--<id>-port` and `HWSEC_MOCK_<ID>_PORT` without an edit here.
 */
export interface OptionNames {
  readonly flag: string;
  readonly variable: string;
}

const variablePart = (id: string) => id.toUpperCase().replaceAll('-', '_');

/** `hss` → `--hss-port` / `HWSEC_MOCK_HSS_PORT`. */
export function portOption(id: string): OptionNames {
  return { flag: `--${id}-port`, variable: `HWSEC_MOCK_${variablePart(id)}_PORT` };
}

/** `hss` → `--proxy-upstream-hss` / `HWSEC_MOCK_PROXY_UPSTREAM_HSS`. */
export function proxyOption(id: string): OptionNames {
  return {
    flag: `--proxy-upstream-${id}`,
    variable: `HWSEC_MOCK_PROXY_UPSTREAM_${variablePart(id)}`,
  };
}
