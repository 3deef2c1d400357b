// Work the server does in the background: sending queued email, and deleting
// referral drafts (and their files) once they expire.
import { deleteExpiredDrafts } from "~/documents/uploads.server";
import { startMessageWorker } from "~/messages/outbox.server";

const DRAFT_SWEEP_MS = 60 * 60_000;

export function startBackgroundJobs() {
  const stopMessages = startMessageWorker();
  const sweep = () =>
    deleteExpiredDrafts().then(
      ({ drafts }) => drafts && console.log(`Deleted ${drafts} expired referral draft(s).`),
      (error: unknown) => console.error(`Deleting expired drafts failed: ${error instanceof Error ? error.message : "unknown error"}`),
    );
  void sweep();
  const timer = setInterval(sweep, DRAFT_SWEEP_MS);
  timer.unref();
  return () => {
    stopMessages();
    clearInterval(timer);
  };
}
