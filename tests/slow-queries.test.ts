// Slow database queries are logged (a warning, with the model and operation,
// or a raw query's text with placeholders) and never with the values the
// query carries: here every query is "slow" (a threshold of 0 ms).
import { afterAll, beforeEach, expect, it, vi } from "vitest";
import { createDb } from "~/db.server";
import { runInRequest } from "~/utils/log.server";

const db = createDb(process.env.DATABASE_URL!, { slowQueryMs: 0 });
const NAME = "Ophelia Quartermaine";

let stdout: string[];
beforeEach(() => {
  stdout = [];
  vi.spyOn(console, "log").mockImplementation((line: unknown) => void stdout.push(String(line)));
});

afterAll(async () => {
  await db.$disconnect();
});

const slowQueries = () => stdout.map((line) => JSON.parse(line) as Record<string, unknown>).filter((l) => l.msg === "Slow database query");

it("logs a slow query's model, operation, duration and request, never its arguments", async () => {
  // Awaited inside: a Prisma query runs only once awaited.
  await runInRequest({ requestId: "6a1d4c52-6a36-4a63-8f0e-2b1c7d9e0f31", userId: "user-7" }, async () => {
    await db.user.findMany({ where: { name: { contains: NAME } }, select: { id: true } });
  });
  expect(slowQueries()).toEqual([
    {
      time: expect.any(String),
      level: "warn",
      msg: "Slow database query",
      requestId: "6a1d4c52-6a36-4a63-8f0e-2b1c7d9e0f31",
      userId: "user-7",
      model: "User",
      operation: "findMany",
      durationMs: expect.any(Number),
    },
  ]);
  expect(stdout.join("\n")).not.toContain("Ophelia");
});

it("logs a raw query's text with placeholders, not its values", async () => {
  await db.$queryRaw`SELECT count(*) FROM "User" WHERE "name" = ${NAME}`;
  expect(slowQueries()).toEqual([
    expect.objectContaining({ operation: "$queryRaw", sql: 'SELECT count(*) FROM "User" WHERE "name" = $1' }),
  ]);
  expect(stdout.join("\n")).not.toContain("Ophelia");
});

it("logs nothing for queries quicker than the threshold", async () => {
  const quick = createDb(process.env.DATABASE_URL!, { slowQueryMs: 60_000 });
  try {
    await quick.user.count();
  } finally {
    await quick.$disconnect();
  }
  expect(slowQueries()).toEqual([]);
});
