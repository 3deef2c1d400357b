// The SQL a page runs, and how long that SQL takes by itself. The page is
// served once in this process by the production build's request handler
// while every statement sent through `pg` is recorded; the statements are
// then run again on a plain connection, in a transaction that is rolled back,
// and timed. Whatever the page's code becomes, this measures what it sends.
import path from "node:path";
import { performance } from "node:perf_hooks";
import { randomUUID } from "node:crypto";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import pg from "pg";
import { projectRoot } from "../server/database";
import { percentile } from "./harness";

type Statement = { text: string; values: unknown[] };

let recording: Statement[] | null = null;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const [config, values] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
  recording?.push(typeof config === "string" ? { text: config, values: values ?? [] } : { text: config.text, values: config.values ?? [] });
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;

const TRANSACTION_CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b/i;

export type PageSql = {
  statements: Statement[];
  /** The slowest statement of one timed run, for EXPLAIN. */
  slowest: Statement;
};

/** Serves `url` (a path) in this process, signed in with `cookie`, and answers the statements it sent. */
export async function recordPageSql(url: string, cookie: string): Promise<PageSql> {
  const handle = createRequestHandler((await serverBuild()) as ServerBuild, "production");
  recording = [];
  try {
    const response = await handle(new Request(`http://localhost${url}`, { headers: { Cookie: cookie } }), {
      cspNonce: "bench",
      requestId: randomUUID(),
      dataRequest: false,
    });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`GET ${url} in this process answered ${response.status}`);
    const statements = recording.filter((s) => !TRANSACTION_CONTROL.test(s.text));
    return { statements, slowest: statements[0]! };
  } finally {
    recording = null;
  }
}

let build: Promise<unknown> | undefined;
const serverBuild = () => (build ??= import(path.join(projectRoot, "build/server/index.js")));

/**
 * Runs the page's statements `runs` times on `client` (each run in a
 * transaction rolled back, so audit events and session updates leave no
 * trace) and answers the median total time, noting the slowest statement.
 */
export async function timeSql(client: pg.Client, page: PageSql, runs: number) {
  const totals: number[] = [];
  let slowestMs = -1;
  for (let run = 0; run < runs; run++) {
    let total = 0;
    await client.query("BEGIN");
    try {
      for (const statement of page.statements) {
        const started = performance.now();
        await client.query(statement.text, statement.values);
        const ms = performance.now() - started;
        total += ms;
        if (run === 0 && ms > slowestMs) [slowestMs, page.slowest] = [ms, statement];
      }
    } finally {
      await client.query("ROLLBACK");
    }
    totals.push(total);
  }
  return percentile(
    totals.sort((a, b) => a - b),
    50,
  );
}

/** EXPLAIN (ANALYZE, BUFFERS) of the page's slowest statement, rolled back. */
export async function explainSlowest(client: pg.Client, page: PageSql) {
  await client.query("BEGIN");
  try {
    const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${page.slowest.text}`, page.slowest.values);
    return rows.map((r) => r["QUERY PLAN"]).join("\n");
  } finally {
    await client.query("ROLLBACK");
  }
}
