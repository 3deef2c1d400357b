// prisma/schema.prisma and prisma/migrations must agree: a schema change
// without its migration (npm run db:migration -- name) fails here. And every
// foreign key has its index.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, inject, it } from "vitest";
import { db } from "~/db.server";

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

// conventions.md, "Scale": every lookup by a foreign key has an index, so the
// case page's reads (and a delete's checks) never scan a million rows.
it("has an index led by the columns of every foreign key", async () => {
  const unindexed = await db.$queryRaw<{ name: string }[]>`
    SELECT c.conname::text AS name
    FROM pg_constraint c
    WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
      AND NOT EXISTS (
        SELECT 1 FROM pg_index i
        CROSS JOIN LATERAL (SELECT (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(c.conkey)] AS leading) AS k
        WHERE i.indrelid = c.conrelid AND i.indpred IS NULL AND k.leading @> c.conkey AND k.leading <@ c.conkey)
    ORDER BY 1`;
  expect(unindexed.map((c) => c.name)).toEqual([]);
});
