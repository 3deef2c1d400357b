import fs from "node:fs";
import os from "node:os";
import path from "node:path";
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
    [{ SESSION_SECRET: secret, SLOW_QUERY_MS: "fast" }, "SLOW_QUERY_MS"],
    [{ SESSION_SECRET: secret, DEMO: "yes" }, "DEMO"],
    [{ SESSION_SECRET: secret, DPO_EMAIL: "the DPO" }, "DPO_EMAIL: must be an email address"],
  ])("refuses %j, naming the variable", (source, message) => {
    expect(() => parseEnv(source)).toThrow(message);
  });
  it("names the council as the data controller unless DATA_CONTROLLER says otherwise", () => {
    expect(parseEnv({ SESSION_SECRET: secret, COUNCIL_NAME: "Barsetshire County Council" }).DATA_CONTROLLER).toBe(
      "Barsetshire County Council",
    );
    expect(
      parseEnv({ SESSION_SECRET: secret, COUNCIL_NAME: "Barsetshire County Council", DATA_CONTROLLER: "Barsetshire Children's Trust" })
        .DATA_CONTROLLER,
    ).toBe("Barsetshire Children's Trust");
  });
  it("reads the council's address as lines, and takes a PNG or JPEG logo but nothing else", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lado-env-"));
    const png = path.join(dir, "logo.png");
    fs.writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
    const jpeg = path.join(dir, "logo.jpg");
    fs.writeFileSync(jpeg, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]));
    const text = path.join(dir, "logo.png.txt");
    fs.writeFileSync(text, "not an image");
    try {
      expect(parseEnv({ SESSION_SECRET: secret, COUNCIL_ADDRESS: "County Hall\\n Barchester \\n\\nBA1 1AA" }).COUNCIL_ADDRESS).toEqual([
        "County Hall",
        "Barchester",
        "BA1 1AA",
      ]);
      expect(parseEnv({ SESSION_SECRET: secret }).COUNCIL_ADDRESS).toEqual([]);
      expect(parseEnv({ SESSION_SECRET: secret, COUNCIL_LOGO_PATH: png }).COUNCIL_LOGO_PATH).toBe(png);
      expect(parseEnv({ SESSION_SECRET: secret, COUNCIL_LOGO_PATH: jpeg }).COUNCIL_LOGO_PATH).toBe(jpeg);
      for (const wrong of [text, path.join(dir, "missing.png")]) {
        expect(() => parseEnv({ SESSION_SECRET: secret, COUNCIL_LOGO_PATH: wrong })).toThrow(
          "COUNCIL_LOGO_PATH: must be the path of a PNG or JPEG file that the app can read",
        );
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  it("logs queries slower than 200 ms by default", () => {
    expect(parseEnv({ SESSION_SECRET: secret }).SLOW_QUERY_MS).toBe(200);
  });
});

describe("demo settings in production", () => {
  const live = {
    SESSION_SECRET: secret,
    NODE_ENV: "production",
    COUNCIL_NAME: "Barsetshire County Council",
    LADO_PHONE: "01632 960 123",
    FRONT_DOOR_PHONE: "01632 960 000",
    OUT_OF_HOURS_PHONE: "01632 960 999",
    TEAM_INBOX_EMAIL: "lado@barsetshire.gov.uk",
    DPO_EMAIL: "dpo@barsetshire.gov.uk",
  };
  const problem = (source: Record<string, string>) => {
    try {
      parseEnv(source);
    } catch (error) {
      return (error as Error).message;
    }
    return null;
  };

  it("refuses the defaults in one message naming each setting to change", () => {
    expect(problem({ SESSION_SECRET: secret, NODE_ENV: "production" })).toBe(
      "The configuration still has demo settings, which a live service must not use. Set each of these to the council's own:\n" +
        '  COUNCIL_NAME: "Example Borough Council" is the demo council\n' +
        "  LADO_PHONE: 020 7946 0123 is a made-up number (Ofcom's range for drama)\n" +
        "  FRONT_DOOR_PHONE: 020 7946 0000 is a made-up number (Ofcom's range for drama)\n" +
        "  OUT_OF_HOURS_PHONE: 020 7946 0999 is a made-up number (Ofcom's range for drama)\n" +
        "  TEAM_INBOX_EMAIL: lado-team@example.org is an example address that no one reads\n" +
        "  DPO_EMAIL: data-protection@example.org is an example address that no one reads\n" +
        "(For a demonstration with made-up data only, set DEMO=true instead.)",
    );
  });

  it.each([
    [{ TEAM_INBOX_EMAIL: "lado@mail.example.com" }, "TEAM_INBOX_EMAIL"],
    [{ DPO_EMAIL: "dpo@example.org" }, "DPO_EMAIL"],
    [{ LADO_PHONE: "+44 (0)20 7946 0555" }, "LADO_PHONE"],
    [{ OUT_OF_HOURS_PHONE: "02079460001" }, "OUT_OF_HOURS_PHONE"],
  ])("refuses one setting left at a demo value, %j, and names only it", (change, name) => {
    const message = problem({ ...live, ...change });
    expect(message).toContain(`  ${name}: `);
    expect(message?.match(/^ {2}[A-Z_]+: /gm)).toHaveLength(1);
  });

  it("accepts the council's own settings", () => {
    expect(problem(live)).toBeNull();
    // 020 7946 1xxx is outside Ofcom's drama range.
    expect(problem({ ...live, LADO_PHONE: "020 7946 1234" })).toBeNull();
  });

  it("accepts the defaults for a demonstration (DEMO=true), and outside production", () => {
    expect(parseEnv({ SESSION_SECRET: secret, NODE_ENV: "production", DEMO: "true" }).DEMO).toBe(true);
    expect(parseEnv({ SESSION_SECRET: secret, NODE_ENV: "development" }).DEMO).toBe(false);
    expect(problem({ SESSION_SECRET: secret, NODE_ENV: "test" })).toBeNull();
  });
});
