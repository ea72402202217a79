// Everything @hwsec/core exports at run time must come from each client too, as the same object:
// a user of one client catches every error class of core (`instanceof HwsecAbortError`) and calls
// its helpers without adding @hwsec/core to their dependencies. Core is passed in, not imported,
// so this package does not depend on core (whose own tests use it).
import { describe, expect, it } from 'vitest';

export function describeCoreReExports(packageName: string, client: object, core: object): void {
  describe(`${packageName} re-exports @hwsec/core`, () => {
    it('every runtime export of core, the same object (error classes, unwrap, isHwsecError, ...)', () => {
      const exported = client as Record<string, unknown>;
      const fromCore = core as Record<string, unknown>;
      expect(Object.keys(fromCore)).toContain('HwsecAbortError');
      const missing = Object.keys(fromCore).filter((name) => exported[name] !== fromCore[name]);
      expect(missing).toEqual([]);
    });
  });
}
