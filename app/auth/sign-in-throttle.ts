// How long sign-in makes someone wait after repeated attempts: a few free
// attempts, then a delay that doubles (1 s, 2 s, 4 s ...) up to a cap. A
// growing delay, not a lock-out, so that nobody can shut a colleague out by
// typing their email address. Counted per account and per client address
// (sign-in-throttle.server.ts).

export type ThrottleRule = { freeAttempts: number; maxDelaySeconds: number };

/**
 * The wait after each attempt, in whole seconds: entry n-1 is the wait after
 * the n-th attempt, and the last entry (the cap) holds for every one after.
 */
export function delaySchedule({ freeAttempts, maxDelaySeconds }: ThrottleRule): number[] {
  const delays = Array<number>(freeAttempts).fill(0);
  for (let delay = 1; delay < maxDelaySeconds; delay *= 2) delays.push(delay);
  delays.push(maxDelaySeconds);
  return delays;
}

/**
 * How long a key must go without attempts before its count starts again.
 * Twice the cap, so someone who keeps trying as soon as they may never earns
 * the free attempts back; at least 15 minutes, so a quarter of an hour's
 * quiet gives an office its free attempts back.
 */
export function restartAfterSeconds({ maxDelaySeconds }: ThrottleRule) {
  return Math.max(15 * 60, 2 * maxDelaySeconds);
}

/** "1 second", "30 seconds", "2 minutes": a wait in plain English, rounded up. */
export function waitInWords(ms: number) {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  const [count, unit] = seconds < 60 ? [seconds, "second"] : [Math.ceil(seconds / 60), "minute"];
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}
