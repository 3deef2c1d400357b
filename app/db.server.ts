// The one Prisma client, through @prisma/adapter-pg. Only *.server.ts files
// import it. When the database cannot be reached (stopped, restarting, the
// network), every query and transaction throws the 503 answer instead of the
// driver's error, so the page says "try again in a minute" (app/root.tsx)
// rather than "there is a problem", while server/database-health.ts brings an
// embedded server back. The pool opens new connections once it is. Queries
// slower than SLOW_QUERY_MS are logged, by model and operation only.
import { PrismaPg } from "@prisma/adapter-pg";
import { data } from "@remix-run/node";
import { PrismaClient } from "~/generated/prisma/client";
import { env } from "~/config/env.server";
import { log } from "~/utils/log.server";

// A server that does not answer at all (a network fault) must not hold a
// request until the operating system gives up, minutes later.
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * The client for the database at `url`. Typed as the plain client: the
 * extensions change only which error is thrown, and Prisma's extended types
 * do not fit Prisma.TransactionClient, which the app's helpers take.
 */
export function createDb(url: string, { slowQueryMs = env().SLOW_QUERY_MS } = {}): PrismaClient {
  // The adapter listens for "error" on the pool, so an idle connection that
  // dies with the server is dropped rather than ending the process.
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: 10, connectionTimeoutMillis: CONNECT_TIMEOUT_MS }),
    // The default ("pretty") prints the call's arguments, names and all, into an error's message, and so into the log.
    errorFormat: "minimal",
  });
  const queries = client.$extends({
    query: {
      $allOperations: ({ model, operation, args, query }) => {
        const started = performance.now();
        return query(args)
          .catch(rethrowUnavailable)
          .finally(() => {
            const durationMs = Math.round(performance.now() - started);
            // Never the arguments: they hold names and case content (the request's id comes with the line).
            if (durationMs >= slowQueryMs) log.warn("Slow database query", { model, operation, durationMs, sql: rawSql(args) });
          });
      },
    },
  });
  // An interactive transaction connects before any of its queries runs.
  const transaction = queries.$transaction.bind(queries) as (...args: unknown[]) => Promise<unknown>;
  const extended = queries.$extends({
    client: { $transaction: (...args: unknown[]) => transaction(...args).catch(rethrowUnavailable) },
  });
  return extended as unknown as PrismaClient;
}

function connect() {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: the server sets it before loading the app.");
  return createDb(url);
}

export const db = connect();
export type Db = typeof db;
export type { Prisma } from "~/generated/prisma/client";

/**
 * The text of a $queryRaw or $executeRaw tagged template, its values left as
 * placeholders ($1, $2...). Nothing for other queries, nor for the *Unsafe
 * ones, whose text could hold values.
 */
function rawSql(args: unknown): string | undefined {
  const text = (args as { text?: unknown } | null)?.text;
  return typeof text === "string" ? text.replace(/\s+/g, " ").trim().slice(0, 500) : undefined;
}

/** The answer while the database is unavailable: the 503 page, and "try again in a minute". */
function unavailable() {
  return data({ message: "unavailable" }, { status: 503 });
}

function rethrowUnavailable(error: unknown): never {
  throw isDatabaseUnavailable(error) ? unavailable() : error;
}

// What Prisma 6.19 with @prisma/adapter-pg throws when the server is gone, as
// seen by killing one (docs/decisions/007-database-roles.md lists them):
// refused connections come as PrismaClientKnownRequestError P1001 (P2010 from
// $queryRaw) with meta.driverAdapterError.cause.kind "DatabaseNotReachable"; a
// query in flight as the driver's plain Error "Connection terminated
// unexpectedly"; no connection in time as "Connection terminated due to
// connection timeout"; a server shutting down as a DriverAdapterError whose
// cause has SQLSTATE 57P01.
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1017", "P2024"]);
const UNAVAILABLE_SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EPIPE", "EAI_AGAIN"]);
// SQLSTATE class 08 (connection exception), the server shutting down or
// starting up (57P01-57P03), too many connections (53300).
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[1-3]|53300)$/;
const UNAVAILABLE_MESSAGE = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

/**
 * True for an error that means the database cannot be reached right now,
 * whether the driver's, Prisma's, or the 503 answer this client throws in
 * their place: for a route that wants to keep what the user sent.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return isUnavailableAnswer(error) || causes(error).some(looksUnavailable);
}

function isUnavailableAnswer(error: unknown) {
  const answer = error as { type?: unknown; init?: { status?: unknown } | null; data?: { message?: unknown } } | null;
  return answer?.type === "DataWithResponseInit" && answer.init?.status === 503 && answer.data?.message === "unavailable";
}

/** The error and what it wraps: `cause`, and Prisma's `meta.driverAdapterError`. */
function causes(error: unknown, depth = 0): Record<string, unknown>[] {
  if (typeof error !== "object" || error === null || depth > 4) return [];
  const found = error as Record<string, unknown>;
  const meta = found.meta as { driverAdapterError?: unknown } | undefined;
  return [found, ...causes(found.cause, depth + 1), ...causes(meta?.driverAdapterError, depth + 1)];
}

function looksUnavailable(found: Record<string, unknown>) {
  const code = typeof found.code === "string" ? found.code : "";
  return (
    UNAVAILABLE_PRISMA_CODES.has(code) ||
    UNAVAILABLE_SOCKET_CODES.has(code) ||
    UNAVAILABLE_SQLSTATE.test(code) ||
    (typeof found.kind === "string" && UNAVAILABLE_KINDS.has(found.kind)) ||
    (typeof found.message === "string" && UNAVAILABLE_MESSAGE.test(found.message))
  );
}
