import { randomBytes } from "node:crypto";
import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { decoyHash, HASHING_LIMITS, hashPassword, verifyPassword } from "./password.server";

describe("password hashing", () => {
  it("accepts the password it hashed and no other", async () => {
    const stored = await hashPassword("correct horse battery staple");
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword("correct horse battery staple", stored)).toBe(true);
    expect(await verifyPassword("correct horse battery stable", stored)).toBe(false);
  });

  it("runs at most two hashes at once, one on a two-core machine", () => {
    expect(HASHING_LIMITS.running).toBe(availableParallelism() <= 2 ? 1 : 2);
  });

  it("answers 503 at once to a hash asked for while the queue of a hundred is full", async () => {
    await decoyHash; // made when the module loads: let it finish first
    // A stored hash with a tiny cost, so the hundred and more are quick.
    const cheap = ["scrypt", 2, 1, 1, randomBytes(16).toString("base64"), randomBytes(32).toString("base64")].join("$");
    const room = HASHING_LIMITS.running + HASHING_LIMITS.waiting;
    const results = await Promise.allSettled(Array.from({ length: room + 1 }, () => verifyPassword("guess", cheap)));
    const refused = results.filter((r) => r.status === "rejected");
    expect(refused).toHaveLength(1);
    expect(refused[0]!.reason).toMatchObject({ data: { message: "busy" }, init: { status: 503 } });
    expect(results.indexOf(refused[0]!)).toBe(room); // the last to ask
  });
});
