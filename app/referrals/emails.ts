// The wording of the emails the public form's safeguards send to the team.
import { humanFileSize } from "~/documents/file-types";

export function unsentFilesAlertEmail(usedBytes: number, quotaBytes: number) {
  const share = Math.floor((usedBytes / quotaBytes) * 100);
  return {
    template: "unsent-files-quota" as const,
    subject: `Referral form: files waiting to be sent are at ${Math.min(share, 100)}% of their limit`,
    body:
      `Files attached to referrals that have not been sent yet take ${humanFileSize(usedBytes)} of the ${humanFileSize(quotaBytes)} allowed ` +
      `(UNSENT_FILES_QUOTA_MB). When the limit is reached, referrers cannot attach files, but can still send referrals.\n\n` +
      "Unsent files are deleted automatically after a day. A sudden rise may mean someone is misusing the form: " +
      "tell your IT team, who can check the web server's logs.",
  };
}
