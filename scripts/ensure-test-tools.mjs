// Runs before `npm test` and `npm run test:e2e` (their pre scripts) so the
// suite works on a fresh clone with nothing run by hand, and never against a
// stale build: system tools (Chromium, pdftotext), dependencies (npm ci), the
// Prisma client and the production build that the end-to-end tests serve.
// Each step runs only when what it makes is missing or older than what it is
// made from.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const at = (...parts) => path.join(root, ...parts);

const say = (line) => console.log(`[pretest] ${line}`);

function fail(message) {
  console.error(`[pretest] ${message}`);
  process.exit(1);
}

function run(command, args, env = process.env) {
  say(`running: ${[command, ...args].join(" ")}`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env });
  if (result.error) fail(`could not run ${command}: ${result.error.message}`);
  if (result.status !== 0)
    fail(`${[command, ...args].join(" ")} failed (${result.signal ? `signal ${result.signal}` : `exit code ${result.status}`}).`);
}

const mtime = (file) => {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return null;
  }
};

/**
 * The newest modification time of anything under dir, skipping some folders.
 * Folders count too: deleting or renaming a file changes only its folder's.
 */
function newestUnder(dir, skip = new Set()) {
  let newest = 0;
  const walk = (d) => {
    newest = Math.max(newest, fs.statSync(d).mtimeMs);
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (skip.has(full)) continue;
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return newest;
}

function onPath(command) {
  return (process.env.PATH ?? "")
    .split(path.delimiter)
    .filter(Boolean)
    .some((dir) => {
      try {
        fs.accessSync(path.join(dir, command), fs.constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
}

// ------------------------------------------------ Chromium and pdftotext
{
  const missing = [];
  if (!fs.existsSync("/usr/bin/chromium")) missing.push("chromium (/usr/bin/chromium)");
  if (!onPath("pdftotext")) missing.push("pdftotext (package poppler-utils)");
  if (missing.length) {
    const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
    if (isRoot && onPath("apt-get")) {
      say(`missing ${missing.join(" and ")}: installing chromium and poppler-utils with apt-get`);
      const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
      run("apt-get", ["update"], env);
      run("apt-get", ["install", "-y", "chromium", "poppler-utils"], env);
      if (!fs.existsSync("/usr/bin/chromium")) fail("apt-get finished but /usr/bin/chromium is still missing.");
      if (!onPath("pdftotext")) fail("apt-get finished but pdftotext is still missing.");
    } else {
      fail(
        `The tests need ${missing.join(" and ")}, which are not installed.\n` +
          "Install them (on Debian or Ubuntu, as root): apt-get update && apt-get install -y chromium poppler-utils",
      );
    }
  } else {
    say("chromium and pdftotext: installed");
  }
}

// ------------------------------------------------ node_modules
{
  const lock = at("package-lock.json");
  const hidden = at("node_modules", ".package-lock.json");
  let reason = null;
  if (!fs.existsSync(at("node_modules"))) reason = "node_modules is missing";
  else if (mtime(hidden) === null) reason = "node_modules was not installed by npm from the lockfile";
  else if (mtime(hidden) < mtime(lock) && !installedMatchesLock(lock, hidden)) reason = "package-lock.json changed since the last install";
  if (reason) {
    say(`${reason}: installing dependencies`);
    run("npm", ["ci"]);
  } else {
    say("dependencies: up to date");
  }
}

/**
 * True when every package npm recorded as installed has the lockfile's
 * version, and every package the lockfile requires is installed (optional
 * ones, such as other platforms' binaries, may be absent).
 */
function installedMatchesLock(lockFile, hiddenFile) {
  try {
    const wanted = JSON.parse(fs.readFileSync(lockFile, "utf8")).packages ?? {};
    const installed = JSON.parse(fs.readFileSync(hiddenFile, "utf8")).packages ?? {};
    for (const [key, entry] of Object.entries(installed)) {
      if (wanted[key]?.version !== entry.version) return false;
    }
    for (const [key, entry] of Object.entries(wanted)) {
      if (key === "" || !key.startsWith("node_modules/") || entry.optional || entry.devOptional) continue;
      if (!installed[key]) return false;
    }
    return true;
  } catch {
    return false;
  }
}

// ------------------------------------------------ Prisma client
{
  const client = mtime(at("app", "generated", "prisma", "client.ts"));
  const schema = mtime(at("prisma", "schema.prisma"));
  if (client === null || (schema !== null && client < schema)) {
    say(client === null ? "no Prisma client: generating it" : "prisma/schema.prisma changed: generating the Prisma client");
    run("npx", ["prisma", "generate"]);
  } else {
    say("Prisma client: up to date");
  }
}

// ------------------------------------------------ production build (for the end-to-end tests)
{
  const built = mtime(at("build", "server", "index.js"));
  const sources = Math.max(
    newestUnder(at("app"), new Set([at("app", "generated")])),
    newestUnder(at("public")),
    mtime(at("vite.config.ts")) ?? 0,
    mtime(at("package-lock.json")) ?? 0,
    mtime(at("prisma", "schema.prisma")) ?? 0,
  );
  if (built === null || built < sources) {
    say(built === null ? "no production build: building the app" : "the app changed since the last build: building it");
    run("npx", ["remix", "vite:build"]);
  } else {
    say("production build: up to date");
  }
}

say("ready");
