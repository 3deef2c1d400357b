// The advice tracker as CSV rows (pure): the columns, and one line a record,
// with ISO dates (London calendar days) and labels rather than codes. Names
// of the people concerned are left out: the tracker is about the advice.
import { referrerTypeLabels } from "~/contacts/labels";
import type { DecisionCategory, LetterMethod, RedirectTarget, ReferrerType, Sector } from "~/generated/prisma/enums";
import { sectorLabels } from "~/people/labels";
import { decisionLabels, redirectLabels } from "~/triage/labels";
import { csvLine } from "~/utils/csv";
import { londonDay } from "~/utils/dates";
import { letterMethodLabels } from "./labels";

export type TrackerCsvRow = {
  reference: string;
  receivedAt: Date;
  namedProfessional: boolean;
  referrerType: ReferrerType | null;
  referrerOrganisation: string | null;
  sector: Sector | null;
  decision: DecisionCategory | null;
  recordedAt: Date | null;
  adviceGiven: string | null;
  referrerActions: string | null;
  redirectedTo: RedirectTarget | null;
  redirectDetail: string | null;
  progressedTo: string | null;
  followUpSentAt: Date | null;
  followUpMethod: LetterMethod | null;
  recordedBy: string | null;
};

export const TRACKER_COLUMNS = [
  "Reference",
  "Received",
  "Referrer type",
  "Referrer organisation",
  "Named professional",
  "Subject's sector",
  "Current decision",
  "Advice recorded",
  "Advice given",
  "Referrer asked to",
  "Redirected to",
  "Redirection details",
  "Progressed to referral",
  "Letter sent",
  "Letter sent by",
  "Recorded by",
] as const;

const day = (d: Date | null) => (d ? londonDay(d) : null);
const label = <K extends string>(labels: Record<K, string>, key: K | null) => (key ? labels[key] : null);

export function trackerCsvLine(r: TrackerCsvRow): string {
  return csvLine([
    r.reference,
    day(r.receivedAt),
    label(referrerTypeLabels, r.referrerType),
    r.referrerOrganisation,
    r.namedProfessional ? "Yes" : "No",
    label(sectorLabels, r.sector),
    label(decisionLabels, r.decision),
    day(r.recordedAt) ?? "Not recorded yet",
    r.adviceGiven,
    r.referrerActions,
    label(redirectLabels, r.redirectedTo),
    r.redirectDetail,
    r.progressedTo ?? "No",
    day(r.followUpSentAt),
    label(letterMethodLabels, r.followUpMethod),
    r.recordedBy,
  ]);
}

export const trackerCsvHeader = () => csvLine([...TRACKER_COLUMNS]);
