// How many referrals one client address may submit in an hour (configurable).
// Kept in this process's memory: the service runs as one process, and a
// restart forgetting the counts is harmless.
import { data } from "@remix-run/node";
import { env } from "~/config/env.server";

const HOUR_MS = 3_600_000;
const recent = new Map<string, number[]>();

export function clientAddress(request: Request) {
  return request.headers.get("x-client-address") ?? "unknown";
}

/** Counts a submission, or throws 429 when the address is over its hourly limit. */
export function takeSubmission(request: Request, now = Date.now()) {
  const address = clientAddress(request);
  const times = (recent.get(address) ?? []).filter((t) => t > now - HOUR_MS);
  if (times.length >= env().REFERRAL_RATE_LIMIT_PER_HOUR) {
    recent.set(address, times);
    throw data({ message: "rate-limited" }, { status: 429 });
  }
  times.push(now);
  recent.set(address, times);
  if (recent.size > 10_000) {
    for (const [key, list] of recent) if (!list.some((t) => t > now - HOUR_MS)) recent.delete(key);
  }
}
