// The records pages' shared pieces: the upload's field, and how an import job
// stands, in words and a GOV.UK tag colour.
import type { RecordsImportStage, RecordsImportStatus } from "~/generated/prisma/enums";

/** The upload form's file input. */
export const RECORDS_FILE_FIELD = "file";

export function jobStatusLabel(stage: RecordsImportStage, status: RecordsImportStatus): { text: string; colour: string } {
  const importing = stage === "IMPORT";
  switch (status) {
    case "QUEUED":
      return { text: importing ? "Waiting to import" : "Waiting to be checked", colour: "grey" };
    case "RUNNING":
      return { text: importing ? "Importing" : "Checking", colour: "blue" };
    case "DONE":
      return importing ? { text: "Imported", colour: "green" } : { text: "Checked: not imported yet", colour: "yellow" };
    case "FAILED":
      return { text: importing ? "Import stopped" : "Check stopped", colour: "red" };
    case "INTERRUPTED":
      return { text: importing ? "Import interrupted" : "Check interrupted", colour: "orange" };
  }
}

export function JobStatusTag({ stage, status }: { stage: RecordsImportStage; status: RecordsImportStatus }) {
  const { text, colour } = jobStatusLabel(stage, status);
  return <strong className={`govuk-tag govuk-tag--${colour}`}>{text}</strong>;
}
