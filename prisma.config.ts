// Prisma CLI configuration. The CLI is used only to make and check migrations
// (`npm run db:migration`, tests/schema.test.ts); the app applies them with
// server/migrate.ts. Two fixes Prisma 6.19 needs on a real server
// (../shared/docs/stack.md) live here and nowhere else.
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";
import pg from "pg";

// prisma issue 27403: the schema engine cannot read the catalog types
// "char" (18) and name (19) and name[] (1003); report them as text.
const require = createRequire(import.meta.url);
const Result = require("pg/lib/result.js") as { prototype: { addFields(fields: { dataTypeID: number }[]): void } };
const addFields = Result.prototype.addFields;
Result.prototype.addFields = function (fields) {
  for (const field of fields) {
    if (field.dataTypeID === 18 || field.dataTypeID === 19) field.dataTypeID = 25;
    if (field.dataTypeID === 1003) field.dataTypeID = 1009;
  }
  return addFields.call(this, fields);
};

function connection(): pg.PoolConfig {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL must be set for the Prisma CLI (npm run db:migration sets it).");
  const u = new URL(url);
  // Discrete fields, not a connection string: the shadow database is made by
  // copying this with another database, which a string would override.
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)),
    allowExitOnIdle: true,
  };
}

// The adapter's own shadow database drops itself before closing its
// connections, fails, and leaks databases: close first, then drop.
class MigrationAdapterFactory extends PrismaPg {
  constructor(private readonly base: pg.PoolConfig) {
    super(base);
  }
  override async connectToShadowDb() {
    const name = `lado_shadow_${randomUUID().replaceAll("-", "")}`;
    const admin = new pg.Client(this.base);
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const adapter = await new PrismaPg({ ...this.base, database: name }).connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    };
    return adapter;
  }
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new MigrationAdapterFactory(connection()),
});
