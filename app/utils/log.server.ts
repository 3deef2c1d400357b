// The one logger: a JSON line per event on stdout (errors on stderr), for
// the operator's log collector, each carrying the request it belongs to
// (request id, signed-in user's id, route) without the caller passing it.
// In development (npm run dev) a readable line instead.
//
// Never logged: request bodies, query strings (the case list's ?q= holds a
// person's name), case content, names or email addresses. Fields are
// primitives, so no record or request can be passed whole; callers give ids,
// counts, durations and fixed wording.
import { AsyncLocalStorage } from "node:async_hooks";

type Level = "info" | "warn" | "error";

/** A line's own fields: ids, counts, durations, fixed words. Never personal data. */
export type LogFields = Record<string, string | number | boolean | undefined> & { time?: never; level?: never; msg?: never };

/** What is known of the request a line belongs to, filled in as the request goes on. */
export type RequestContext = { requestId: string; userId?: string; route?: string };

export type Logger = {
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger that adds these fields to each of its lines (say, which part of the service wrote it). */
  with(fields: LogFields): Logger;
};

// The app's modules are loaded twice (by the server through tsx, and again in
// the Remix build or Vite's module graph), and each copy must see the request
// the server started: so one store for the process, kept on globalThis.
const STORE: unique symbol = Symbol.for("lado.log.request");
const store = globalThis as typeof globalThis & { [STORE]?: AsyncLocalStorage<RequestContext> };
const requests = (store[STORE] ??= new AsyncLocalStorage<RequestContext>());

/** Runs `fn` (and everything it starts) as part of a request: its log lines carry the context. */
export function runInRequest<T>(context: RequestContext, fn: () => T): T {
  return requests.run(context, fn);
}

/** Adds what the app learns about the current request (who is signed in, which route) to its log lines. */
export function annotateRequest(fields: Omit<RequestContext, "requestId">) {
  const context = requests.getStore();
  if (context) Object.assign(context, fields);
}

/** An error's message and stack, never the objects it carries (nor a thrown value that is not an Error: it could be anything). */
export function errorFields(error: unknown): LogFields {
  return error instanceof Error ? { error: error.message, stack: error.stack } : { error: `Unknown error (a ${typeof error} was thrown)` };
}

function readableLine({ time, level, msg, ...fields }: Record<string, unknown>) {
  const extras = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ` ${key}=${String(value)}`)
    .join("");
  return `${String(time).slice(11, 23)} ${String(level).toUpperCase().padEnd(5)} ${String(msg)}${extras}`;
}

function logger(bound: LogFields): Logger {
  const write = (level: Level) => (msg: string, fields?: LogFields) => {
    const line = { time: new Date().toISOString(), level, msg, ...requests.getStore(), ...bound, ...fields };
    const text = (process.env.NODE_ENV ?? "development") === "development" ? readableLine(line) : JSON.stringify(line);
    // Through console rather than process.stdout: the tests fail on an unexpected console.error.
    if (level === "error") console.error(text);
    else console.log(text);
  };
  return { info: write("info"), warn: write("warn"), error: write("error"), with: (more) => logger({ ...bound, ...more }) };
}

export const log = logger({});
