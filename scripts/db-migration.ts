// Makes a migration from the change to prisma/schema.prisma:
//   npm run db:migration -- add_something
// or checks that schema and migrations agree (exit 1 when they do not):
//   npm run db:migration -- --check
// Runs `prisma migrate diff` against a scratch database on the test server.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { openDatabaseServer, projectRoot } from "../server/database";

const args = z
  .union([z.tuple([z.literal("--check")]), z.tuple([z.string().regex(/^[a-z0-9_]+$/, "a name in snake_case")])])
  .safeParse(process.argv.slice(2));
if (!args.success) {
  console.error("Usage: npm run db:migration -- <name_in_snake_case> | --check");
  process.exit(2);
}
const check = args.data[0] === "--check";

const server = await openDatabaseServer("test");
const diffArgs = [
  "prisma",
  "migrate",
  "diff",
  "--from-migrations",
  "prisma/migrations",
  "--to-schema-datamodel",
  "prisma/schema.prisma",
  ...(check ? ["--exit-code"] : ["--script"]),
];
let code = 0;
try {
  const out = execFileSync("npx", diffArgs, {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: server.adminUrlFor("postgres") },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (check) {
    console.log("Schema and migrations agree.");
  } else if (/^\s*(-- This is an empty migration\.)?\s*$/.test(out)) {
    console.log("No change to the schema: no migration made.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(projectRoot, "prisma", "migrations", `${stamp}_${args.data[0]}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), out);
    console.log(`Wrote ${path.relative(projectRoot, dir)}/migration.sql`);
  }
} catch (error) {
  const status = (error as { status?: number }).status;
  if (check && status === 2) console.error("prisma/schema.prisma and prisma/migrations disagree: run npm run db:migration -- <name>.");
  code = status ?? 1;
} finally {
  await server.stop();
}
process.exit(code);
