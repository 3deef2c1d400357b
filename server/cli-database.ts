// The database for a command-line tool (npm run import, export,
// prior-history): the app's own, whether or not the app is running (the
// embedded server is started if need be, or DATABASE_URL's), migrated first
// as the app does on starting. Its own Prisma client: app/db.server.ts needs
// the web app's settings (SESSION_SECRET), which a command does not.
import fs from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client";
import { openDatabaseServer, projectRoot } from "./database";
import { migrate } from "./migrate";

export async function openCliDatabase({ connections = 1 } = {}) {
  // Local settings made by set-up (.env); the real environment wins.
  if (fs.existsSync(path.join(projectRoot, ".env"))) process.loadEnvFile(path.join(projectRoot, ".env"));
  const server = await openDatabaseServer("app");
  await migrate(server.migration);
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: server.url, max: connections }), errorFormat: "minimal" });
  return {
    client,
    async close() {
      await client.$disconnect();
      await server.stop();
    },
  };
}
