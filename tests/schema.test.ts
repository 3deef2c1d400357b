// prisma/schema.prisma and prisma/migrations must agree: a schema change
// without its migration (npm run db:migration -- name) fails here.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, inject, it } from "vitest";

it("schema and migrations agree", async () => {
  const { adminUrl } = inject("database");
  const run = promisify(execFile);
  const result = await run(
    "node_modules/.bin/prisma",
    ["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema-datamodel", "prisma/schema.prisma", "--exit-code"],
    { env: { ...process.env, DATABASE_URL: adminUrl } },
  ).then(
    () => 0,
    (error: { code?: number; stdout?: string }) => {
      console.log(error.stdout);
      return error.code ?? 1;
    },
  );
  expect(result, "schema.prisma has changes with no migration: run npm run db:migration -- <name>").toBe(0);
}, 60_000);
