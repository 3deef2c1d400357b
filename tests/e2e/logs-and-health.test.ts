// End to end, against the real production server: the health checks; the
// access log (a JSON line a request, with its id, the signed-in user's id, the
// route, status and duration, and never a query string, a name, an email
// address or a password); and production refusing to start with the demo
// settings, except for a demonstration (DEMO=true, as startAppServer sets),
// which says so on every page. /health/live during a database outage:
// database-restart.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { createUser } from "../factories";
import { missingBuildMessage, startAppServer, type AppServer, type LogLine } from "./browser";
import { PASSWORD } from "./referral-pages";

const EMAIL = "e2e-logs@example.org";
/** Searched for in the case list: it must not reach the log. */
const NAME = "Perpetua Fairweather";

let server: AppServer;
let user: { id: string };

beforeAll(async () => {
  const missing = missingBuildMessage();
  if (missing) throw new Error(missing);
  user = await createUser(db, { roles: ["LADO"], email: EMAIL, password: PASSWORD });
  server = await startAppServer({ databaseUrl: process.env.DATABASE_URL! });
});

afterAll(async () => {
  await server?.stop();
});

/** The access log's line for a response: written once the answer has gone, so waited for. */
async function accessLine(response: Response): Promise<LogLine> {
  await response.arrayBuffer();
  const requestId = response.headers.get("x-request-id");
  const deadline = Date.now() + 5_000;
  for (;;) {
    const line = server.logs().find((l) => l.msg === "Request" && l.requestId === requestId);
    if (line) return line;
    if (Date.now() > deadline) throw new Error(`No access log line for request ${requestId}. The server printed:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("health checks", () => {
  it.each(["/health", "/health/live"])("%s answers ok, as plain text that is never cached", async (path) => {
    const response = await fetch(`${server.url}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.text()).toBe("ok");
  });
});

describe("the access log", () => {
  it("writes a line a request with who asked, the route, status and time taken, but no query string, name or password", async () => {
    const signIn = await fetch(`${server.url}/sign-in`, {
      method: "POST",
      body: new URLSearchParams({ email: EMAIL, password: PASSWORD }),
      redirect: "manual",
    });
    expect(signIn.status).toBe(302);
    const cookie = signIn.headers.get("set-cookie")!.split(";")[0]!;
    const query = `?q=${encodeURIComponent(NAME)}&page=1`;
    const page = await fetch(`${server.url}/cases${query}`, { headers: { Cookie: cookie } });
    const data = await fetch(`${server.url}/cases.data${query}`, { headers: { Cookie: cookie } });
    const anonymous = await fetch(`${server.url}/cases${query}`, { redirect: "manual" });

    const common = { time: expect.any(String), level: "info", msg: "Request", durationMs: expect.any(Number) };
    expect(await accessLine(signIn)).toEqual({
      ...common,
      requestId: signIn.headers.get("x-request-id"),
      userId: user.id, // the user who has just signed in
      route: "routes/sign-in",
      method: "POST",
      path: "/sign-in",
      status: 302,
    });
    expect(await accessLine(page)).toEqual({
      ...common,
      requestId: page.headers.get("x-request-id"),
      userId: user.id,
      route: "routes/cases._index",
      method: "GET",
      path: "/cases",
      status: 200,
    });
    expect(await accessLine(data)).toMatchObject({ userId: user.id, route: "routes/cases._index", path: "/cases.data", status: 200 });
    expect(await accessLine(anonymous)).toEqual({
      ...common,
      requestId: anonymous.headers.get("x-request-id"),
      route: "routes/cases._index",
      method: "GET",
      path: "/cases",
      status: 302,
    });

    const output = server.output();
    for (const secret of [NAME, encodeURIComponent(NAME), "Perpetua", "Fairweather", EMAIL, PASSWORD]) {
      expect(output, `the server's output holds ${secret}`).not.toContain(secret);
    }
  });

  it("leaves out static files and health checks", async () => {
    const health = await fetch(`${server.url}/health`);
    const favicon = await fetch(`${server.url}/favicon.svg`);
    const marker = await fetch(`${server.url}/sign-in`);
    await accessLine(marker);
    const logged = server.logs().map((l) => l.requestId);
    expect(logged).not.toContain(health.headers.get("x-request-id"));
    expect(logged).not.toContain(favicon.headers.get("x-request-id"));
  });
});

describe("demo settings in production", () => {
  it.each(["/", "/sign-in", "/refer"])("are accepted for a demonstration, and %s says it is one", async (path) => {
    const page = await (await fetch(`${server.url}${path}`)).text();
    expect(page).toContain('<strong class="govuk-tag govuk-phase-banner__content__tag">Demo</strong>');
    expect(page).toContain("This is a demonstration with made-up data, not a live service.");
  });

  it("refuses to start without DEMO=true, naming each setting to change", async () => {
    const start = startAppServer({ databaseUrl: process.env.DATABASE_URL!, env: { DEMO: "false" } });
    const error = await start.then(
      () => expect.unreachable("the server started"),
      (e: Error) => e.message,
    );
    expect(error).toMatch(/stopped before answering \(exit code 1\)/);
    const said = error.slice(error.indexOf("\n") + 1);
    const line = JSON.parse(said.trim().split("\n")[0]!) as LogLine;
    expect(line).toMatchObject({ level: "error" });
    for (const name of [
      "COUNCIL_NAME",
      "LADO_PHONE",
      "FRONT_DOOR_PHONE",
      "OUT_OF_HOURS_PHONE",
      "TEAM_INBOX_EMAIL",
      "DPO_EMAIL",
      "DEMO=true",
    ]) {
      expect(line.msg).toContain(name);
    }
  });
});
