// Passwords hashed with scrypt (memory-hard, in Node's standard library).
// Stored as scrypt$N$r$p$salt$hash so the cost can be raised later.
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { availableParallelism } from "node:os";
import { data } from "@remix-run/node";
import { QueueFullError, Semaphore } from "~/utils/semaphore";

// scrypt runs on libuv's thread pool (4 threads unless UV_THREADPOOL_SIZE
// says otherwise), which file reads share: 300 sign-ins at once held a
// document download up for 20 s (npm run bench:sign-in-burst). So at most
// two hashes run at once, leaving half the pool for everything else, and
// only one on a two-core machine, where two would also take the core the
// event loop and the database need (measured there: the first download of
// the burst 4.1 s with two, 1.7 s with one, for the same sign-ins a second).
// The queue holds 100: a wait of about 3 s (two at a time, 50 ms a hash) to
// 15 s (one, on a busy small machine); past that, refusing at once (503) is
// kinder than making everyone wait longer.
export const HASHING_LIMITS = { running: Math.max(1, Math.min(2, availableParallelism() - 1)), waiting: 100 };
const hashing = new Semaphore(HASHING_LIMITS);

async function scrypt(password: string, salt: Buffer, length: number, options: ScryptOptions) {
  try {
    return await hashing.run(
      () =>
        new Promise<Buffer>((resolve, reject) =>
          scryptCallback(password, salt, length, options, (error, key) => (error ? reject(error) : resolve(key))),
        ),
    );
  } catch (error) {
    if (error instanceof QueueFullError) throw data({ message: "busy" }, { status: 503 });
    throw error;
  }
}

const COST = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

export async function hashPassword(password: string) {
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, COST);
  return ["scrypt", COST.N, COST.r, COST.p, salt.toString("base64"), key.toString("base64")].join("$");
}

export async function verifyPassword(password: string, stored: string) {
  const [scheme, N, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const key = await scrypt(password.normalize("NFKC"), Buffer.from(salt, "base64"), expected.length, {
    N: Number(N),
    r: Number(r),
    p: Number(p),
    maxmem: COST.maxmem,
  });
  return timingSafeEqual(key, expected);
}

/** A hash to verify against when no account has the e-mail, so timing reveals nothing. */
export const decoyHash = hashPassword(randomBytes(16).toString("hex"));
