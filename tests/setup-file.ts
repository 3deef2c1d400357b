// Before each test file: its own database, copied from the migrated template
// (owned by the owner role, with the app role's grants), which the app reaches
// as the app role, as in production, so a missing grant fails a test;
// msw for all outbound HTTP (an unhandled request fails the test); and
// console.error, through which the logger writes error-level lines
// (app/utils/log.server.ts), fails the test unless the test expects it.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setupServer } from "msw/node";
import pg from "pg";
import { withDatabase } from "../server/database";
import { afterAll, afterEach, beforeAll, beforeEach, inject, vi } from "vitest";

const { adminUrl, appUrl, owner, template } = inject("database");
// Named after the runner (the parent process) so a later run can tell it is stale.
const name = `lado_test_${process.ppid}_${randomBytes(6).toString("hex")}`;

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}" OWNER ${pg.escapeIdentifier(owner)}`);

process.env.DATABASE_URL = withDatabase(appUrl, name);
process.env.NODE_ENV = "test";
process.env.SESSION_SECRET = "test-secret-test-secret-test-secret-0001";
process.env.TZ = "UTC"; // the app must show London time whatever the server's zone
const uploads = fs.mkdtempSync(path.join(os.tmpdir(), "lado-uploads-"));
process.env.UPLOAD_DIR = uploads;

export const http = setupServer();

beforeAll(() => {
  http.listen({
    onUnhandledRequest(request, print) {
      const { hostname } = new URL(request.url);
      if (hostname === "localhost" || hostname === "127.0.0.1") return; // the app under test
      print.error();
    },
  });
});

let consoleErrors: unknown[][] = [];
let expectedConsoleErrors = 0;
/** Call in a test that expects console.error to be called n times. */
export function expectConsoleErrors(n = 1) {
  expectedConsoleErrors = n;
}

beforeEach(() => {
  consoleErrors = [];
  expectedConsoleErrors = 0;
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    consoleErrors.push(args);
  });
});

afterEach(() => {
  http.resetHandlers();
  vi.restoreAllMocks();
  if (consoleErrors.length > expectedConsoleErrors) {
    throw new Error(`console.error was called unexpectedly:\n${consoleErrors.map((a) => a.map(String).join(" ")).join("\n")}`);
  }
});

afterAll(async () => {
  http.close();
  const { db } = await import("~/db.server");
  await db.$disconnect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
  fs.rmSync(uploads, { recursive: true, force: true });
});
