// The app server: validates configuration, opens the database (embedded or
// DATABASE_URL), applies migrations, watches that the database answers, and
// serves the Remix app behind the security headers every response carries,
// with health checks and an access log.
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import express, { type NextFunction, type Request, type Response } from "express";
import { parseEnv } from "../app/config/env.server";
import { log, runInRequest } from "../app/utils/log.server";
import { accessLog } from "./access-log";
import { openDatabaseServer, projectRoot } from "./database";
import { databaseProbe, watchDatabase } from "./database-health";
import { appRoleWarning } from "./database-roles";
import { migrate } from "./migrate";
import { remixRequestHandler } from "./remix-handler";
import { sameOriginOnly } from "./same-origin";

function fail(message: string): never {
  log.error(message);
  process.exit(1);
}

// Local settings made by set-up (.env: SESSION_SECRET); the real environment wins.
if (fs.existsSync(path.join(projectRoot, ".env"))) process.loadEnvFile(path.join(projectRoot, ".env"));

let env;
try {
  env = parseEnv(process.env);
} catch (error) {
  fail((error as Error).message);
}
const production = env.NODE_ENV === "production";

const database = await openDatabaseServer("app").catch((error: Error) => fail(error.message));
process.env.DATABASE_URL = database.url;
const applied = await migrate(database.migration).catch((error: Error) => fail(error.message));
if (applied.length) log.info(`Applied migrations: ${applied.join(", ")}`);
const roleWarning = await appRoleWarning(database.url);
if (roleWarning) log.warn(roleWarning);
// Only the embedded server, which this app owns, is restarted; an operator's is reported.
const probe = databaseProbe(database.url);
const stopWatchingDatabase = watchDatabase(probe, database.restart);
// Loaded only now: the app's modules read DATABASE_URL when first imported.
const { startBackgroundJobs } = await import("../app/jobs.server");
const { attachmentLimits } = await import("../app/documents/uploads.server");
const { recordsUploadLimit } = await import("../app/records/upload.server");
const stopBackgroundJobs = startBackgroundJobs();

// No request body is read past this: the largest the app accepts (an upload
// of every allowed attachment, or a file of records to import), with room for
// the form around it. The app's readers stop sooner: forms at FORM_MAX_KB,
// uploads at their own limit.
const MAX_BODY_BYTES = Math.max(attachmentLimits().maxBodyBytes, recordsUploadLimit().maxBodyBytes, env.FORM_MAX_KB * 1024) + 64 * 1024;

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", env.TRUST_PROXY);

app.use((req: Request, res: Response, next: NextFunction) => {
  const id = randomUUID();
  req.headers["x-request-id"] = id; // the correlation id the app reads (overrides any sent)
  req.headers["x-client-address"] = req.ip ?? req.socket.remoteAddress ?? "unknown"; // for rate limits (overrides any sent)
  // With Referrer-Policy: no-referrer, browsers send `Origin: null` on a plain
  // form POST, even to the same origin, and Remix refuses any document POST
  // whose Origin is not the Host (a 500): every form failed without
  // JavaScript. Sec-Fetch-Site, which a page cannot forge, says when the
  // request came from this origin; then the null Origin is dropped.
  if (req.headers.origin === "null" && req.headers["sec-fetch-site"] === "same-origin") delete req.headers.origin;
  res.locals.requestId = id;
  res.locals.cspNonce = randomBytes(16).toString("base64");
  const devSources = production ? "" : " ws: http://localhost:*";
  res.set({
    "X-Request-Id": id,
    "Content-Security-Policy": [
      "default-src 'self'",
      `script-src 'self' 'nonce-${res.locals.cspNonce}'`,
      `style-src 'self'${production ? "" : " 'unsafe-inline'"}`,
      "img-src 'self' data:",
      "font-src 'self'",
      `connect-src 'self'${devSources}`,
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "object-src 'none'",
    ].join("; "),
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    ...(production ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  });
  // Every log line written while answering carries the request's id (and, once known, the user's and the route).
  runInRequest({ requestId: id }, () => {
    // An upload (multipart) goes on to its page, which refuses one that says it
    // is too large unread, with the message next to its field; the body's
    // counter (remix-handler.ts) still stops reading any body at MAX_BODY_BYTES.
    const upload = /^multipart\/form-data\b/i.test(req.headers["content-type"] ?? "");
    if (!upload && Number(req.headers["content-length"] ?? 0) > MAX_BODY_BYTES) {
      log.warn("Refused a request larger than any the service accepts", { method: req.method, path: req.path });
      res.status(413).set("Connection", "close").type("text/plain").send("The request is too large.");
      return;
    }
    next();
  });
});

// For a load balancer or monitor. /health/live: the server is running (it
// never asks the database, so an outage does not get a healthy server
// restarted). /health: it can serve pages, as the database answers.
const health = (res: Response, ok: boolean) =>
  res
    .status(ok ? 200 : 503)
    .set("Cache-Control", "no-store")
    .type("text/plain")
    .send(ok ? "ok" : "database unavailable");
app.get("/health/live", (_req, res) => health(res, true));
app.get("/health", (_req, res) => void probe.problem().then((problem) => health(res, problem === null)));

let build: ServerBuild | (() => Promise<ServerBuild>);
if (production) {
  const buildDir = path.join(projectRoot, "build");
  app.use("/assets", express.static(path.join(buildDir, "client/assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(buildDir, "client"), { maxAge: "1h" }));
  build = (await import(path.join(buildDir, "server/index.js")).catch(() =>
    fail("No production build: run npm run build first."),
  )) as ServerBuild;
} else {
  const vite = await import("vite");
  const devServer = await vite.createServer({ server: { middlewareMode: true } });
  app.use(devServer.middlewares);
  app.use(express.static(path.join(projectRoot, "public")));
  build = () => devServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
}

// Only now: static files and health checks, which need no record, have been answered.
app.use(accessLog);
app.use(sameOriginOnly(env.TRUST_PROXY));

app.all(
  "*",
  remixRequestHandler({
    build,
    mode: env.NODE_ENV,
    maxBodyBytes: MAX_BODY_BYTES,
    getLoadContext: (req, res) => ({
      cspNonce: res.locals.cspNonce,
      requestId: res.locals.requestId,
      // A single-fetch data request (path ending ".data"): downloads refuse these.
      dataRequest: req.path.endsWith(".data"),
    }),
  }),
);

const listener = app.listen(env.PORT, () => {
  const mode = env.DEMO ? `${env.NODE_ENV}, a demonstration` : env.NODE_ENV;
  log.info(`${env.SERVICE_NAME} is running at http://localhost:${env.PORT} (${database.description}, ${mode})`);
});
listener.on("error", (error) => fail(`Could not listen on port ${env.PORT}: ${error.message}`));

async function shutdown() {
  listener.close();
  stopBackgroundJobs();
  stopWatchingDatabase();
  await probe.close();
  await database.stop();
  process.exit(0);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void shutdown());
