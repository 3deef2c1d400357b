// Sign-in throttling in the SignInThrottle table: one row per account (the
// email typed, whether or not an account has it, so nothing reveals which
// exist) and one per client address. Every attempt is counted before its
// password is checked, in one statement that also decides whether it may go
// ahead, so parallel attempts cannot slip past the count: in a burst, only
// the free attempts and one more are ever checked.
import { env } from "~/config/env.server";
import { db } from "~/db.server";
import { delaySchedule, restartAfterSeconds, type ThrottleRule } from "./sign-in-throttle";

type Keys = { account: string; address: string };

export function throttleKeys(email: string, address: string): Keys {
  return { account: `account:${email}`, address: `address:${address}` };
}

function rules(): Record<keyof Keys, ThrottleRule> {
  const e = env();
  return {
    account: { freeAttempts: e.SIGN_IN_FREE_ATTEMPTS, maxDelaySeconds: e.SIGN_IN_MAX_DELAY_SECONDS },
    address: { freeAttempts: e.SIGN_IN_ADDRESS_FREE_ATTEMPTS, maxDelaySeconds: e.SIGN_IN_ADDRESS_MAX_DELAY_MINUTES * 60 },
  };
}

export type SignInAttempt = { allowed: true; accountFailures: number } | { allowed: false; waitMs: number };

/** Thrown inside the transaction to undo the count of an attempt that must wait. */
class MustWait extends Error {}

/**
 * Counts an attempt against both keys, or refuses it (counting nothing) when
 * either key must still wait. A key's count starts again at 1 after a quiet
 * spell (restartAfterSeconds), and each count sets the earliest next attempt
 * from the delay schedule. The upsert only touches a row whose wait is over;
 * a row locked by a parallel attempt is re-read once that one commits, so no
 * count is lost. Rows are taken in key order, so two attempts never wait on
 * each other's rows.
 *
 * `now` is read before the statement runs, so a parallel attempt that read
 * the clock later may have been counted first: an attempt counts at the
 * later of its own time and the last one recorded, or it would find the
 * other's "next attempt at" (its own time, after a free attempt) still ahead.
 */
export async function takeSignInAttempt(keys: Keys, now: Date): Promise<SignInAttempt> {
  const rule = rules();
  try {
    const counted = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ key: string; failures: number }[]>`
        WITH attempt (key, restart_after, delays) AS (
          VALUES (${keys.account}, ${restartAfterSeconds(rule.account)}::int, ${delaySchedule(rule.account)}::int[]),
                 (${keys.address}, ${restartAfterSeconds(rule.address)}::int, ${delaySchedule(rule.address)}::int[])
        )
        INSERT INTO "SignInThrottle" AS t ("key", "failures", "lastFailedAt", "nextAttemptAt")
        SELECT key, 1, ${now}::timestamptz, ${now}::timestamptz + make_interval(secs => delays[1])
        FROM attempt ORDER BY key
        ON CONFLICT ("key") DO UPDATE SET ("failures", "lastFailedAt", "nextAttemptAt") = (
          SELECT counted.n, clock.at, clock.at + make_interval(secs => a.delays[LEAST(counted.n, cardinality(a.delays))])
          FROM attempt a,
            LATERAL (SELECT GREATEST(${now}::timestamptz, t."lastFailedAt") AS at) AS clock,
            LATERAL (SELECT CASE WHEN t."lastFailedAt" <= clock.at - make_interval(secs => a.restart_after)
                                 THEN 1 ELSE t."failures" + 1 END AS n) AS counted
          WHERE a.key = t."key"
        )
        WHERE t."nextAttemptAt" <= GREATEST(${now}::timestamptz, t."lastFailedAt")
        RETURNING t."key", t."failures"`;
      if (rows.length < 2) throw new MustWait();
      return rows;
    });
    return { allowed: true, accountFailures: counted.find((row) => row.key === keys.account)!.failures };
  } catch (error) {
    if (!(error instanceof MustWait)) throw error;
    const { _max } = await db.signInThrottle.aggregate({
      where: { key: { in: [keys.account, keys.address] } },
      _max: { nextAttemptAt: true },
    });
    return { allowed: false, waitMs: (_max.nextAttemptAt?.getTime() ?? now.getTime()) - now.getTime() };
  }
}

/**
 * After a successful sign-in: the account starts afresh, and the address gets
 * its attempt back and any wait on it ends, so an office of staff signing in
 * from one address each morning is never held up. (Someone guessing from
 * that address gains at most one attempt for each colleague signing in.)
 */
export async function signInSucceeded(keys: Keys, now: Date) {
  await db.$executeRaw`
    WITH account AS (DELETE FROM "SignInThrottle" WHERE "key" = ${keys.account})
    UPDATE "SignInThrottle"
    SET "failures" = "failures" - 1, "nextAttemptAt" = LEAST("nextAttemptAt", ${now}::timestamptz)
    WHERE "key" = ${keys.address} AND "failures" > 0`;
}

/** Deletes the rows whose count would start again anyway; the background sweep (jobs.server.ts) runs it so the table stays small. */
export async function deleteStaleSignInThrottles(now = new Date()) {
  const rule = rules();
  const before = (r: ThrottleRule) => new Date(now.getTime() - restartAfterSeconds(r) * 1000);
  const { count } = await db.signInThrottle.deleteMany({
    where: {
      OR: [
        { key: { startsWith: "account:" }, lastFailedAt: { lte: before(rule.account) } },
        { key: { startsWith: "address:" }, lastFailedAt: { lte: before(rule.address) } },
      ],
    },
  });
  return count;
}
