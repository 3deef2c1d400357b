// When the database cannot be reached, the app's client throws the 503
// "unavailable" answer (the page says "try again in a minute") instead of the
// driver's error, which would be a 500. Each case makes the real error
// Prisma 6.19 with @prisma/adapter-pg throws: a refused connection, a server
// that never answers, one that hangs up, and a server ending the connection
// mid-query (as at a shutdown). tests/e2e/database-restart.test.ts kills a
// whole server.
import net from "node:net";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createDb, db, isDatabaseUnavailable } from "~/db.server";
import { PrismaClient } from "~/generated/prisma/client";
import { notFound } from "~/utils/responses.server";
import { withDatabase } from "../server/database";
import { createUser } from "./factories";
import { bodyOf, statusOf } from "./helpers";

const appUrl = process.env.DATABASE_URL!;

/** A local port where something else happens on connection: nothing listening, silence, or a hang-up. */
async function fakeServer(onConnection: ((socket: net.Socket) => void) | null) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    onConnection?.(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
  if (!onConnection) await close(); // refused from now on
  return { url: `postgresql://lado:secret@127.0.0.1:${port}/lado`, close };
}

const plainClient = (url: string) => new PrismaClient({ adapter: new PrismaPg({ connectionString: url, connectionTimeoutMillis: 500 }) });

const clients: { $disconnect(): Promise<void> }[] = [];
afterAll(() => Promise.all(clients.map((c) => c.$disconnect().catch(() => {}))));

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => new Error("it worked"),
    (error: unknown) => error,
  );

function expectUnavailableAnswer(thrown: unknown) {
  expect(statusOf(thrown)).toBe(503);
  expect(bodyOf(thrown)).toEqual({ message: "unavailable" });
  expect(isDatabaseUnavailable(thrown)).toBe(true);
}

describe.each([
  ["refuses connections", null],
  ["never answers", () => {}],
  ["hangs up", (socket: net.Socket) => socket.destroy()],
] as const)("a server that %s", (_, onConnection) => {
  it("gives Prisma errors the predicate knows, and the app's client the 503 answer instead", async () => {
    const server = await fakeServer(onConnection);
    const plain = plainClient(server.url);
    const app = createDb(server.url);
    clients.push(plain, app);
    try {
      // At once: the app's client waits up to its 5 s connection timeout for each.
      const [raw, answers] = await Promise.all([
        Promise.all([plain.user.findFirst(), plain.$queryRaw`SELECT 1`, plain.$transaction((tx) => tx.user.count())].map(failure)),
        Promise.all(
          [
            app.user.findFirst(),
            app.$queryRaw`SELECT 1`,
            app.$transaction((tx) => tx.user.count()),
            app.$transaction([app.user.count()]),
          ].map(failure),
        ),
      ]);
      for (const error of raw) {
        expect(error, String(error)).toBeInstanceOf(Error);
        expect(isDatabaseUnavailable(error), String(error)).toBe(true);
      }
      answers.forEach(expectUnavailableAnswer);
    } finally {
      await server.close();
    }
  });
});

describe("a server ending the connection mid-query (a shutdown)", () => {
  it("gives the 503 answer", async () => {
    const { adminUrl } = inject("database");
    const admin = new pg.Client({ connectionString: withDatabase(adminUrl, new URL(appUrl).pathname.slice(1)) });
    await admin.connect();
    const app = createDb(appUrl);
    clients.push(app);
    try {
      const query = app.$queryRaw`SELECT pg_sleep(10) AS "endedByTheTest"`.catch((e: unknown) => e);
      for (let ended = 0; ended === 0; await new Promise((resolve) => setTimeout(resolve, 20))) {
        const { rowCount } = await admin.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%endedByTheTest%' AND pid <> pg_backend_pid()`,
        );
        ended = rowCount ?? 0;
      }
      expectUnavailableAnswer(await query);
    } finally {
      await admin.end();
    }
  });
});

describe("other errors", () => {
  it("pass through unchanged, and the predicate says no", async () => {
    const user = await createUser(db, { roles: ["LADO"] });
    const duplicate = await createUser(db, { roles: ["LADO"], email: user.email }).catch((e: unknown) => e);
    expect(duplicate).toMatchObject({ code: "P2002" });
    expect(isDatabaseUnavailable(duplicate)).toBe(false);
    expect(isDatabaseUnavailable(notFound())).toBe(false);
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
