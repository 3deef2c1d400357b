// End to end: the embedded PostgreSQL server dies (kill -9 of the postmaster)
// under the running production server. Meanwhile a page that reads the
// database answers 503 with the "service unavailable" page, not a 500, and
// /health says the database is unavailable (while /health/live, which never
// asks it, says the server is up); within seconds the app has
// restarted the server by itself and the same page answers again, with the
// data still there. The app gets an embedded server of its own for this
// (data/e2e-restart-<pid>/pg, a free port): the shared test server, which
// other test files are using, is never touched.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDb, type Db } from "~/db.server";
import { openDatabaseServer, type DatabaseServer } from "../../server/database";
import { createCase, createUser } from "../factories";
import { freePort, missingBuildMessage, projectRoot, startAppServer, type AppServer, signInOverHttp } from "./browser";
import { PASSWORD } from "./referral-pages";

const EMAIL = "e2e-restart@example.org";
// A folder of its own: the server's password files go beside its data directory.
const folder = path.join(projectRoot, "data", `e2e-restart-${process.pid}`);
const dataDir = path.join(folder, "pg");
const pidFile = path.join(dataDir, "postmaster.pid");

let app: AppServer | undefined;
let database: DatabaseServer | undefined;
let seeder: Db | undefined;
let reference: string;

beforeAll(async () => {
  const missing = missingBuildMessage();
  if (missing) throw new Error(missing);
  const port = await freePort();
  // The app makes the server (initdb), its roles and schema, as on a first `npm start`.
  app = await startAppServer({ embeddedDatabase: { dataDir, port }, timeoutMs: 120_000 });
  // This process reuses the running server to add a user and a case.
  database = await openDatabaseServer("app", { EMBEDDED_PG_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(port) });
  seeder = createDb(database.url);
  await createUser(seeder, { roles: ["LADO"], email: EMAIL, password: PASSWORD });
  reference = (await createCase(seeder)).reference;
}, 180_000);

afterAll(async () => {
  await seeder?.$disconnect();
  await app?.stop(); // stops the embedded server it started, or restarted
  await database?.stop(); // reused, so left to the app
  // Should the app have been killed before it could stop it, the server must not outlive the test.
  const left = postmasterPid();
  if (left) {
    try {
      process.kill(left, "SIGQUIT"); // immediate shutdown
    } catch {
      // Already gone.
    }
  }
  fs.rmSync(folder, { recursive: true, force: true });
});

function postmasterPid() {
  return fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]) : null;
}

it("answers 503 while the database is down, restarts it by itself, and serves the same page again", async () => {
  const base = app!.url;
  const cookie = await signInOverHttp(base, EMAIL, PASSWORD);
  const casePage = () => fetch(`${base}/cases/${reference}`, { headers: { Cookie: cookie } });
  const health = () => fetch(`${base}/health`);
  expect((await casePage()).status).toBe(200);

  const killed = postmasterPid()!;
  process.kill(killed, "SIGKILL");

  const [page, healthNow, live] = await Promise.all([casePage(), health(), fetch(`${base}/health/live`)]);
  const html = await page.text();
  expect(page.status, html.slice(0, 500)).toBe(503);
  expect(html).toContain("Sorry, the service is unavailable");
  expect(html).toContain("Try again in a minute");
  expect(healthNow.status).toBe(503);
  expect(await healthNow.text()).toBe("database unavailable");
  expect(live.status).toBe(200);
  expect(await live.text()).toBe("ok");

  // Back within a check or two (every 5 s) and a start, and the app has said so.
  const deadline = Date.now() + 30_000;
  const said = () => app!.logs().filter((line) => line.component === "database");
  while ((await health()).status !== 200 || !said().some((line) => line.msg.startsWith("Database: answering again"))) {
    if (Date.now() > deadline) throw new Error(`The database did not come back. The app printed:\n${app!.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const again = await casePage();
  expect(again.status).toBe(200);
  expect(await again.text()).toContain(reference);
  expect(postmasterPid()).not.toBe(killed);
  // One line for the outage, one for the recovery.
  expect(said().map(({ level, msg }) => ({ level, msg }))).toEqual([
    {
      level: "error",
      msg: expect.stringMatching(
        /^Database: not answering \(.+\); pages answer "service unavailable" until it is back, and the embedded server is restarted/,
      ),
    },
    { level: "info", msg: expect.stringMatching(/^Database: answering again after \d+ s \(the embedded server was restarted\)\.$/) },
  ]);
}, 90_000);
