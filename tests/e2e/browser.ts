// Helpers for end-to-end tests and the benchmark: start the real production
// app server as a child process, launch headless Chromium (Debian's, through
// playwright-core), watch a page for console errors and CSP violations, and
// run axe-core in a page. Used by tests/e2e/*.test.ts and bench/.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

export const projectRoot = path.resolve(import.meta.dirname, "../..");

// ---------------------------------------------------------------- app server

export type AppServer = {
  /** http://localhost:PORT (localhost, not 127.0.0.1: the session cookie is Secure). */
  url: string;
  port: number;
  /** The tsx process (it runs the server in a child node process). */
  pid: number;
  /** Everything the server printed so far. */
  output(): string;
  /** The log lines it wrote so far (JSON lines), parsed. */
  logs(): LogLine[];
  /** Stops the server and everything it started; safe to call twice. */
  stop(): Promise<void>;
};

/** A line of the app's log (app/utils/log.server.ts). */
export type LogLine = { time: string; level: "info" | "warn" | "error"; msg: string } & Record<string, unknown>;

/** A TCP port nobody is listening on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export function missingBuildMessage(): string | null {
  const entry = path.join(projectRoot, "build/server/index.js");
  return fs.existsSync(entry)
    ? null
    : `There is no production build (${path.relative(projectRoot, entry)} is missing): run \`npm run build\` first ` +
        "(`npm test` and `npm run test:e2e` build it themselves, in their pretest step).";
}

const running = new Set<ChildProcess>();
// The server runs in its own process group (tsx starts a second node process):
// kill the whole group, even if this process exits without cleaning up.
process.once("exit", () => {
  for (const child of running) killGroup(child, "SIGKILL");
});

/**
 * If this process dies without stopping the server (a test worker killed
 * hard), a small shell loop stops the server's process group for it.
 */
function watchdog(group: number) {
  const script = [
    `while kill -0 ${process.pid} 2>/dev/null; do`,
    `  kill -0 -${group} 2>/dev/null || exit 0`,
    "  sleep 1",
    "done",
    `kill -TERM -${group} 2>/dev/null || exit 0`,
    "sleep 5",
    `kill -KILL -${group} 2>/dev/null`,
  ].join("\n");
  spawn("sh", ["-c", script], { detached: true, stdio: "ignore" }).unref();
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** The app's database: a connection string, or an embedded server of the app's own in `dataDir`, which it starts and restarts. */
type AppDatabase = { databaseUrl: string } | { embeddedDatabase: { dataDir: string; port: number } };

/**
 * Starts `tsx server/index.ts` with NODE_ENV=production on a free port and
 * waits until GET /health answers (the database too). It uses the database
 * given (migrating it if needed) and serves build/, as a demonstration
 * (DEMO=true: the council's settings keep their demo values).
 */
export async function startAppServer(
  options: AppDatabase & {
    env?: Record<string, string>;
    timeoutMs?: number;
  },
): Promise<AppServer> {
  const missing = missingBuildMessage();
  if (missing) throw new Error(missing);
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const child = spawn(path.join(projectRoot, "node_modules/.bin/tsx"), ["server/index.ts"], {
    cwd: projectRoot,
    detached: true, // its own process group, so stop() reaches tsx's child too
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      // Vitest marks its workers with these; the server must not think it is under test.
      VITEST: undefined,
      VITEST_POOL_ID: undefined,
      VITEST_WORKER_ID: undefined,
      NODE_ENV: "production",
      PORT: String(port),
      ...("databaseUrl" in options
        ? { DATABASE_URL: options.databaseUrl }
        : {
            DATABASE_URL: undefined,
            DATABASE_MIGRATION_URL: undefined,
            EMBEDDED_PG_DATA_DIR: options.embeddedDatabase.dataDir,
            EMBEDDED_PG_PORT: String(options.embeddedDatabase.port),
          }),
      SESSION_SECRET: "e2e-session-secret-e2e-session-secret-0001",
      DEMO: "true",
      ...options.env,
    },
  });
  running.add(child);
  watchdog(child.pid!);
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  let exited: string | null = null;
  const exit = new Promise<void>((resolve) =>
    child.once("exit", (code, signal) => {
      exited = signal ? `signal ${signal}` : `exit code ${code}`;
      running.delete(child);
      resolve();
    }),
  );

  const stop = async () => {
    if (exited) return;
    killGroup(child, "SIGTERM");
    const timer = setTimeout(() => killGroup(child, "SIGKILL"), 5_000);
    await exit;
    clearTimeout(timer);
    killGroup(child, "SIGKILL"); // anything left in the group
  };

  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (exited) {
      throw new Error(`The app server stopped before answering (${exited}). It printed:\n${output}`);
    }
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The app server did not answer ${url}/health in time. It printed:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const logs = () =>
    output
      .split("\n")
      .slice(0, -1) // the last line may not be whole yet
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as LogLine);
  return { url, port, pid: child.pid!, output: () => output, logs, stop };
}

/** Signs in over HTTP as a browser without JavaScript would: the session cookie ("name=value"). */
export async function signInOverHttp(base: string, email: string, password: string) {
  const response = await fetch(`${base}/sign-in`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password }),
    redirect: "manual",
  });
  await response.arrayBuffer();
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (response.status !== 302 || !cookie)
    throw new Error(`Signing in as ${email} answered ${response.status}, not a redirect with a cookie.`);
  return cookie;
}

// ---------------------------------------------------------------- browser

export const CHROMIUM = "/usr/bin/chromium";

// Without the networking flags Chromium keeps trying hosts this network refuses.
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}: run \`apt-get install -y chromium\` (as root).`);
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
}

/**
 * Collects console errors, uncaught exceptions and Content-Security-Policy
 * violations from a page (and every document it navigates to).
 */
export async function watchForProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const source = message.location().url;
    problems.push(`console error on ${page.url()}: ${message.text()}${source ? ` (${source})` : ""}`);
  });
  page.on("pageerror", (error) => problems.push(`uncaught exception on ${page.url()}: ${error.message}`));
  // Chromium logs CSP violations as console errors too; this also catches report-only ones.
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline code"}`);
    });
  });
  return problems;
}

// ---------------------------------------------------------------- axe-core

export const WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

type AxeViolation = {
  id: string;
  impact?: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
};

let axeSource: string | undefined;

/**
 * Runs axe-core in the page against WCAG 2.2 A and AA and returns the
 * violations whose impact is serious or critical. The app's CSP refuses inline
 * scripts, so axe goes in through the DevTools protocol (page.evaluate), which
 * the CSP does not govern.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= fs.readFileSync(path.join(projectRoot, "node_modules/axe-core/axe.min.js"), "utf8");
  await page.evaluate(`${axeSource}\n;void 0`);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const results = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  }, WCAG_22_AA);
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** A readable list of axe violations, for a failing assertion's message. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${v.impact}: ${v.id} (${v.help}) ${v.helpUrl}\n` +
        v.nodes
          .map(
            (n) => `    at ${JSON.stringify(n.target)}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, "\n      ")}` : ""}`,
          )
          .join("\n"),
    )
    .join("\n");
}
