import { describe, expect, it } from "vitest";
import { parseEnv } from "./env.server";

const secret = "s".repeat(32);

describe("configuration", () => {
  it("takes defaults for everything but the session secret", () => {
    const env = parseEnv({ SESSION_SECRET: secret });
    expect(env).toMatchObject({ PORT: 3000, SESSION_IDLE_MINUTES: 30, SESSION_SECRET: [secret] });
  });
  it("splits comma-separated secrets for rotation", () => {
    expect(parseEnv({ SESSION_SECRET: `${secret}, ${"t".repeat(40)}` }).SESSION_SECRET).toEqual([secret, "t".repeat(40)]);
  });
  it.each([
    [{}, "SESSION_SECRET"],
    [{ SESSION_SECRET: "short" }, "SESSION_SECRET.0: each secret must be at least 32 characters"],
    [{ SESSION_SECRET: secret, PORT: "eighty" }, "PORT"],
    [{ SESSION_SECRET: secret, DATABASE_URL: "mysql://x" }, "DATABASE_URL: must be a PostgreSQL connection string"],
    [{ SESSION_SECRET: secret, SESSION_IDLE_MINUTES: "0" }, "SESSION_IDLE_MINUTES"],
  ])("refuses %j, naming the variable", (source, message) => {
    expect(() => parseEnv(source)).toThrow(message);
  });
});
