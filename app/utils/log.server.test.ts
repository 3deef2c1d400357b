import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { expectConsoleErrors } from "../../tests/setup-file";
import { annotateRequest, errorFields, log, runInRequest } from "./log.server";

let stdout: string[];

beforeEach(() => {
  stdout = [];
  vi.spyOn(console, "log").mockImplementation((line: unknown) => void stdout.push(String(line)));
});

afterEach(() => {
  vi.unstubAllEnvs();
});

/** What the logger wrote to stderr (console.error, which the test set-up already records). */
const stderr = () => vi.mocked(console.error).mock.calls.map(([line]) => String(line));
const lines = (written: string[]) => written.map((line) => JSON.parse(line) as Record<string, unknown>);

describe("the logger", () => {
  it("writes one JSON line: time, level and message first, then the fields", () => {
    log.info("Email: 2 sent, 0 to retry, 0 failed", { sent: 2, durationMs: 41 });
    expect(stdout).toHaveLength(1);
    expect(stdout[0]).not.toContain("\n");
    const [line] = lines(stdout);
    expect(Object.keys(line!)).toEqual(["time", "level", "msg", "sent", "durationMs"]);
    expect(line).toEqual({ time: expect.any(String), level: "info", msg: "Email: 2 sent, 0 to retry, 0 failed", sent: 2, durationMs: 41 });
    expect(new Date(line!.time as string).toISOString()).toBe(line!.time);
  });

  it("writes warnings to stdout and errors to stderr", () => {
    expectConsoleErrors(1);
    log.warn("Slow database query");
    log.error("Document has a record but no stored file");
    expect(lines(stdout)).toEqual([expect.objectContaining({ level: "warn", msg: "Slow database query" })]);
    expect(lines(stderr())).toEqual([expect.objectContaining({ level: "error", msg: "Document has a record but no stored file" })]);
  });

  it("adds the request's id, and the user and route once the app knows them, to every line written for it", async () => {
    await runInRequest({ requestId: "0f8c7c1e-5b5e-4f7e-9d7a-6c1f2b3a4d5e" }, async () => {
      log.info("before the session is read");
      await Promise.resolve();
      annotateRequest({ userId: "user-1" });
      annotateRequest({ route: "routes/cases.$reference" });
      log.info("after");
    });
    log.info("outside any request");
    expect(lines(stdout)).toEqual([
      expect.objectContaining({ requestId: "0f8c7c1e-5b5e-4f7e-9d7a-6c1f2b3a4d5e", msg: "before the session is read" }),
      expect.objectContaining({ requestId: "0f8c7c1e-5b5e-4f7e-9d7a-6c1f2b3a4d5e", userId: "user-1", route: "routes/cases.$reference" }),
      { time: expect.any(String), level: "info", msg: "outside any request" },
    ]);
  });

  it("keeps the fields a child logger was made with, beneath each line's own", () => {
    const email = log.with({ component: "email" });
    email.with({ batch: 3 }).info("Email: delivery run", { batch: 4 });
    email.info("Email: no NOTIFY_API_KEY");
    log.info("the parent is unchanged");
    expect(lines(stdout)).toEqual([
      expect.objectContaining({ component: "email", batch: 4 }),
      expect.objectContaining({ component: "email", msg: "Email: no NOTIFY_API_KEY" }),
      { time: expect.any(String), level: "info", msg: "the parent is unchanged" },
    ]);
  });

  it("logs an error's message and stack, never what the error carries", () => {
    expectConsoleErrors(1);
    const error = Object.assign(new Error("Unique constraint failed on the fields: (`email`)"), {
      meta: { target: ["email"], value: "jane.doe@school.example" },
      args: { name: "Jane Doe" },
    });
    log.error("Request failed", errorFields(error));
    const written = stderr().join("\n");
    expect(JSON.parse(written)).toEqual(
      expect.objectContaining({
        error: "Unique constraint failed on the fields: (`email`)",
        stack: expect.stringContaining("log.server.test.ts"),
      }),
    );
    expect(written).not.toContain("jane.doe");
    expect(written).not.toContain("Jane Doe");
    expect(errorFields("Jane Doe")).toEqual({ error: "Unknown error (a string was thrown)" });
  });

  it("writes a readable line instead in development", () => {
    vi.stubEnv("NODE_ENV", "development");
    log.warn("Slow database query", { model: "Case", durationMs: 250, sql: undefined });
    expect(stdout).toEqual([expect.stringMatching(/^\d\d:\d\d:\d\d\.\d{3} WARN {2}Slow database query model=Case durationMs=250$/)]);
  });
});
