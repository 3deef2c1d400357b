// What one client address may do with the public form in an hour, all
// configurable: start referrals, upload files (in bytes) and send referrals.
// Counted in this process's memory: the service runs as one process, and a
// restart forgetting the counts is harmless. Across all addresses, files not
// yet sent have a quota of their own (documents/uploads.server.ts).
import { data } from "@remix-run/node";
import { env } from "~/config/env.server";
import { clientAddress } from "~/utils/client-address.server";

const HOUR_MS = 3_600_000;
const MB = 1024 * 1024;

/** Amounts taken per address over the last hour. */
class HourlyAllowance {
  private readonly taken = new Map<string, { at: number; amount: number }[]>();

  /** Takes `amount` for this key if it fits under `limit` for the last hour; false (nothing taken) if not. */
  take(key: string, amount: number, limit: number, now: number): boolean {
    const recent = (this.taken.get(key) ?? []).filter((t) => t.at > now - HOUR_MS);
    const used = recent.reduce((sum, t) => sum + t.amount, 0);
    const fits = used + amount <= limit;
    if (fits) recent.push({ at: now, amount });
    this.taken.set(key, recent);
    if (this.taken.size > 10_000) {
      for (const [k, list] of this.taken) if (!list.some((t) => t.at > now - HOUR_MS)) this.taken.delete(k);
    }
    return fits;
  }
}

const drafts = new HourlyAllowance();
const uploads = new HourlyAllowance();
const submissions = new HourlyAllowance();

const rateLimited = () => data({ message: "rate-limited" }, { status: 429 });

/** Counts a new referral started, or throws 429 when the address has started too many this hour. */
export function takeDraft(request: Request, now = Date.now()) {
  if (!drafts.take(clientAddress(request), 1, env().REFERRAL_DRAFTS_PER_HOUR, now)) throw rateLimited();
}

/** Counts a referral sent, or throws 429 when the address has sent too many this hour. */
export function takeSubmission(request: Request, now = Date.now()) {
  if (!submissions.take(clientAddress(request), 1, env().REFERRAL_RATE_LIMIT_PER_HOUR, now)) throw rateLimited();
}

/** Counts bytes of files about to be kept; false when the address has uploaded too much this hour. */
export function takeUploadBytes(request: Request, bytes: number, now = Date.now()) {
  return uploads.take(clientAddress(request), bytes, env().ATTACHMENT_MB_PER_HOUR * MB, now);
}
