// Work the server does in the background: sending queued email; every quarter
// of an hour, deleting referral drafts once they expire and unsent files once
// they are too old (referrals/draft-files.server.ts), and sign-in throttle
// rows whose counts have lapsed, so that table stays small; and the files of
// records imports finished over a week ago (records/import-jobs.server.ts). On start, records
// imports an earlier start left running are marked interrupted.
import { deleteStaleSignInThrottles } from "~/auth/sign-in-throttle.server";
import { isDatabaseUnavailable } from "~/db.server";
import { sweepImportUploads } from "~/records/import-jobs.server";
import { sweepReferralDrafts } from "~/referrals/draft-files.server";
import { startMessageWorker } from "~/messages/outbox.server";
import { markInterruptedImports } from "~/records/import-jobs.server";
import { log as appLog } from "~/utils/log.server";

const SWEEP_MS = 15 * 60_000;
const log = appLog.with({ component: "jobs" });

// An unavailable database is reported once by the server's watch
// (server/database-health.ts); the next sweep tries again.
const failed = (what: string) => (error: unknown) => {
  if (!isDatabaseUnavailable(error)) log.error(`${what} failed: ${error instanceof Error ? error.message : "unknown error"}`);
};

export function startBackgroundJobs() {
  const stopMessages = startMessageWorker();
  void markInterruptedImports().then((count) => {
    if (count) log.warn(`Marked ${count} records import(s) interrupted by the server stopping.`, { count });
  }, failed("Marking interrupted records imports"));
  const sweep = () => {
    void sweepReferralDrafts().then(({ drafts, documents }) => {
      if (drafts || documents)
        log.info(`Deleted ${drafts} expired referral draft(s) and ${documents} unsent file(s).`, { drafts, documents });
    }, failed("Deleting expired drafts and unsent files"));
    void deleteStaleSignInThrottles().catch(failed("Deleting lapsed sign-in throttles"));
    void sweepImportUploads().then((jobs) => {
      if (jobs) log.info(`Deleted the kept files of ${jobs} records import(s) finished over a week ago.`, { jobs });
    }, failed("Deleting old records import files"));
  };
  sweep();
  const timer = setInterval(sweep, SWEEP_MS);
  timer.unref();
  return () => {
    stopMessages();
    clearInterval(timer);
  };
}
