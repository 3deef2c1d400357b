// Set-up after `npm ci` and the build: local settings, the embedded database
// and its two roles, migrations, bank holidays and the demo data (only into an
// empty database). Warns when the app's role could switch the audit trail off.
//   tsx scripts/setup.ts            (npm run setup, which then starts the app)
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { openDatabaseServer, projectRoot } from "../server/database";
import { appRoleWarning } from "../server/database-roles";
import { migrate } from "../server/migrate";

const envFile = path.join(projectRoot, ".env");
if (!fs.existsSync(envFile)) {
  fs.writeFileSync(
    envFile,
    "# Made by npm run setup for this machine. Do not commit.\n" +
      `SESSION_SECRET=${randomBytes(32).toString("base64url")}\n` +
      "# A demonstration with made-up data: the council's settings may keep their demo values, and every page says Demo.\n" +
      "DEMO=true\n",
    { mode: 0o600 },
  );
  console.log("Wrote .env with a new SESSION_SECRET, and DEMO=true (a demonstration).");
}
process.loadEnvFile(envFile);

const started = Date.now();
const server = await openDatabaseServer("app");
try {
  process.env.DATABASE_URL = server.url;
  const applied = await migrate(server.migration);
  console.log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date.");
  const warning = await appRoleWarning(server.url);
  if (warning) console.warn(warning);
  // Imported after DATABASE_URL is set: the app's database client reads it.
  const { seedDemoData } = await import("../prisma/seed");
  await seedDemoData();
} finally {
  await server.stop();
}
console.log(`Set-up finished in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
process.exit(0);
