// Is the database answering? A probe for /health, and a watch that notices
// an outage, restarts the embedded server if its process has gone, and says
// so once when it starts and once when it ends. Meanwhile the app answers
// 503 "service unavailable" (app/db.server.ts) and its connection pool opens
// new connections by itself once the server is back.
import pg from "pg";
import { log as appLog } from "../app/utils/log.server";

/** How often the watch asks; an outage of the embedded server lasts about this long plus its start. */
export const DATABASE_CHECK_INTERVAL_MS = 5_000;
const CHECK_TIMEOUT_MS = 2_000;
const log = appLog.with({ component: "database" });

export type DatabaseProbe = {
  /** Null when `SELECT 1` answered in time; otherwise what went wrong. */
  problem(): Promise<string | null>;
  close(): Promise<void>;
};

export function databaseProbe(url: string): DatabaseProbe {
  const pool = new pg.Pool({
    connectionString: url,
    max: 2,
    connectionTimeoutMillis: CHECK_TIMEOUT_MS,
    query_timeout: CHECK_TIMEOUT_MS,
  });
  // An idle connection whose server went away emits "error" on the pool;
  // unheard, that would end the process. The next check reports it.
  pool.on("error", () => {});
  return {
    problem: () =>
      pool.query("SELECT 1").then(
        () => null,
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      ),
    close: () => pool.end(),
  };
}

/**
 * Checks every DATABASE_CHECK_INTERVAL_MS. When the database does not answer
 * and `restart` is given (the embedded server, which this app owns), calls it
 * at each check until the database answers; an operator's server is only
 * reported, never touched. Returns a function that stops the watch.
 */
export function watchDatabase(probe: DatabaseProbe, restart?: () => Promise<boolean>): () => void {
  let outageSince: number | null = null;
  let restarted = false;
  let restartFailure: string | null = null;

  /** Restarts the embedded server if its process has gone; true if it did. */
  const tryRestart = async () => {
    try {
      return (await restart?.()) ?? false;
    } catch (error) {
      // Often only the old server's last processes still exiting: tried again at the next check.
      const message = error instanceof Error ? error.message.split("\n")[0]! : String(error);
      if (message !== restartFailure) log.error(`Database: restarting the embedded server failed: ${message}`);
      restartFailure = message;
      return false;
    }
  };

  const check = async () => {
    let problem = await probe.problem();
    if (problem !== null) {
      if (outageSince === null) {
        outageSince = Date.now();
        log.error(
          `Database: not answering (${problem}); pages answer "service unavailable" until it is back` +
            (restart ? ", and the embedded server is restarted if it has stopped." : "."),
        );
      }
      if (await tryRestart()) {
        restarted = true;
        problem = await probe.problem();
      }
    }
    if (problem === null && outageSince !== null) {
      const seconds = Math.round((Date.now() - outageSince) / 1000);
      log.info(`Database: answering again after ${seconds} s${restarted ? " (the embedded server was restarted)" : ""}.`, {
        outageSeconds: seconds,
      });
      outageSince = null;
      restarted = false;
      restartFailure = null;
    }
  };

  let checking = false;
  const timer = setInterval(() => {
    if (checking) return; // a restart can outlast the interval
    checking = true;
    void check().finally(() => (checking = false));
  }, DATABASE_CHECK_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
