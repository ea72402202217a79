/**
 * How the mock reads stop signals. The first SIGINT or SIGTERM asks for a clean stop; a signal
 * that comes later asks to stop at once. Signals that arrive together are one request: under
 * `pnpm mock` a single Ctrl-C reaches the mock as SIGINT from the terminal, SIGINT passed on by
 * pnpm, then SIGTERM (pnpm's answer to the second SIGINT it got itself), all within milliseconds.
 * Reading that burst as "stop at once" cut the requests in flight and exited 130.
 */

/** Signals this close to the first one belong to the same Ctrl-C (generous: a loaded machine delays pnpm). */
export const SAME_STOP_MS = 2_000;

export function onStopSignals(handlers: {
  stopCleanly: (signal: NodeJS.Signals) => void;
  stopAtOnce: () => void;
}): void {
  let firstAt: number | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (firstAt === undefined) {
      firstAt = Date.now();
      handlers.stopCleanly(signal);
    } else if (Date.now() - firstAt >= SAME_STOP_MS) {
      handlers.stopAtOnce();
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
