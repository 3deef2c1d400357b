// What every benchmark here needs: clean-up steps that run once (on success,
// failure, Ctrl-C or when the time limit is reached), and percentiles.

const steps: (() => Promise<void>)[] = [];
let cleaning: Promise<void> | undefined;

/** Registers a clean-up step; steps run newest first. */
export function onCleanup(step: () => Promise<unknown>) {
  steps.push(async () => void (await step()));
}

/** Runs the clean-up steps registered so far, once. */
export function cleanup() {
  cleaning ??= (async () => {
    while (steps.length) await steps.pop()!().catch((error: Error) => console.error(`Cleaning up: ${error.message}`));
  })();
  return cleaning;
}

/** Cleans up and exits on Ctrl-C, SIGTERM, or after `totalMs` whatever is happening. */
export function limitRun(totalMs: number) {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.error(`\nStopped by ${signal}: cleaning up.`);
      void cleanup().finally(() => process.exit(130));
    });
  }
  setTimeout(() => {
    console.error(`The benchmark took longer than ${totalMs / 60_000} minutes: giving up.`);
    void cleanup().finally(() => process.exit(1));
  }, totalMs).unref();
}

/** The p-th percentile of sorted values (nearest rank). */
export function percentile(sorted: number[], p: number) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
