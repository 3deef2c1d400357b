import { describe, expect, it } from "vitest";
import { parseEnv } from "./env.server";

const secret = "s".repeat(32);

describe("configuration", () => {
  it("takes defaults for everything but the session secret", () => {
    const env = parseEnv({ SESSION_SECRET: secret });
    expect(env).toMatchObject({ PORT: 3000, SESSION_IDLE_MINUTES: 30, SESSION_SECRET: [secret] });
  });
  it("throttles sign-in by default with 5 free attempts per account up to 60 s, and 20 per address up to 15 minutes", () => {
    expect(parseEnv({ SESSION_SECRET: secret })).toMatchObject({
      SIGN_IN_FREE_ATTEMPTS: 5,
      SIGN_IN_MAX_DELAY_SECONDS: 60,
      SIGN_IN_ADDRESS_FREE_ATTEMPTS: 20,
      SIGN_IN_ADDRESS_MAX_DELAY_MINUTES: 15,
    });
  });
  it("splits comma-separated secrets for rotation", () => {
    expect(parseEnv({ SESSION_SECRET: `${secret}, ${"t".repeat(40)}` }).SESSION_SECRET).toEqual([secret, "t".repeat(40)]);
  });
  it.each([
    [{}, "SESSION_SECRET"],
    [{ SESSION_SECRET: "short" }, "SESSION_SECRET.0: each secret must be at least 32 characters"],
    [{ SESSION_SECRET: secret, PORT: "eighty" }, "PORT"],
    [{ SESSION_SECRET: secret, DATABASE_URL: "mysql://x" }, "DATABASE_URL: must be a PostgreSQL connection string"],
    [{ SESSION_SECRET: secret, DATABASE_MIGRATION_URL: "lado_owner@db" }, "DATABASE_MIGRATION_URL: must be a PostgreSQL connection string"],
    [{ SESSION_SECRET: secret, SESSION_IDLE_MINUTES: "0" }, "SESSION_IDLE_MINUTES"],
    [{ SESSION_SECRET: secret, SIGN_IN_FREE_ATTEMPTS: "0" }, "SIGN_IN_FREE_ATTEMPTS"],
    [{ SESSION_SECRET: secret, SIGN_IN_MAX_DELAY_SECONDS: "a minute" }, "SIGN_IN_MAX_DELAY_SECONDS"],
  ])("refuses %j, naming the variable", (source, message) => {
    expect(() => parseEnv(source)).toThrow(message);
  });
});
