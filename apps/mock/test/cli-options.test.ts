import { apiIds } from '@hwsec/spec';
import { describe, expect, it } from 'vitest';
import { parseCliOptions, UsageError } from '../src/cli-options.js';

describe('CLI options', () => {
  it('defaults to 127.0.0.1, the default ports, static examples and no signature checks', () => {
    const { mock, help, quiet } = parseCliOptions([], {});
    expect(mock).toMatchObject({
      host: '127.0.0.1',
      ports: {},
      dynamic: false,
      verifySignatures: false,
      proxy: {},
    });
    expect(mock.credentials).toBeUndefined();
    expect({ help, quiet }).toEqual({ help: false, quiet: false });
  });

  it('reads HWSEC_MOCK_* variables, and a flag wins over its variable', () => {
    const { mock } = parseCliOptions(['--hss-port', '5010', '--seed', 'abc'], {
      HWSEC_MOCK_HOST: '0.0.0.0',
      HWSEC_MOCK_HSS_PORT: '6010',
      HWSEC_MOCK_DSC_PORT: '6020',
      HWSEC_MOCK_DYNAMIC: '1',
      HWSEC_MOCK_SEED: 'ignored',
      HWSEC_MOCK_VERIFY_SIGNATURES: 'true',
      HWSEC_MOCK_ACCESS_KEY: 'AK1',
      HWSEC_MOCK_SECRET_KEY: 'SK1',
      HWSEC_MOCK_PROXY_UPSTREAM_DSC: 'https://sdg.cn-north-4.myhuaweicloud.com',
      HWSEC_MOCK_SERVICES: 'hss,dsc',
    });
    expect(mock).toMatchObject({
      host: '0.0.0.0',
      ports: { hss: 5010, dsc: 6020 },
      dynamic: true,
      seed: 'abc',
      verifySignatures: true,
      credentials: [{ accessKey: 'AK1', secretKey: 'SK1' }],
      proxy: { dsc: 'https://sdg.cn-north-4.myhuaweicloud.com' },
      services: ['hss', 'dsc'],
    });
  });

  it('refuses half a key pair, unknown services, bad URLs and bad ports', () => {
    expect(() => parseCliOptions(['--access-key', 'AK'], {})).toThrow(UsageError);
    expect(() => parseCliOptions(['--services', 'hss,nothing'], {})).toThrow(
      new RegExp(`subset of ${apiIds().join(',')}`),
    );
    expect(() => parseCliOptions(['--proxy-upstream-hss', 'ftp://x'], {})).toThrow(/http\(s\) URL/);
    expect(() => parseCliOptions(['--secmaster-port', '70000'], {})).toThrow(/port number/);
  });

  it('--stateful / HWSEC_MOCK_STATEFUL, and --state-file / HWSEC_MOCK_STATE_FILE implies it', () => {
    expect(parseCliOptions([], {}).mock.stateful).toBe(false);
    expect(parseCliOptions(['--stateful'], {}).mock.stateful).toBe(true);
    expect(parseCliOptions([], { HWSEC_MOCK_STATEFUL: '1' }).mock.stateful).toBe(true);
    expect(parseCliOptions([], { HWSEC_MOCK_STATE_FILE: '/tmp/s.json' }).mock).toMatchObject({
      stateful: true,
      stateFile: '/tmp/s.json',
    });
    expect(
      parseCliOptions(['--state-file', '/tmp/a.json'], { HWSEC_MOCK_STATE_FILE: '/tmp/b.json' })
        .mock.stateFile,
    ).toBe('/tmp/a.json');
    expect(() => parseCliOptions(['--state-file', ''], {})).toThrow(/needs a path/);
  });
});
