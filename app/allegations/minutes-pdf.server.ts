// The minutes of a meeting as a PDF: what kind of meeting, when and how it
// was held, who chaired it, who came and who sent apologies (with agency and
// role), the information shared, the decisions, the actions agreed with
// their owners and due dates, and the next review. Tagged and marked on
// every page as CONFIDENTIAL with the case's reference
// (app/documents/pdf.server.ts). The same input makes the same bytes.
import { paragraphsOf, startPdf } from "~/documents/pdf.server";
import type { MeetingMode, MeetingType } from "~/generated/prisma/enums";
import { calendarDate, londonDate, londonDateTime } from "~/utils/dates";
import { meetingModeLabels, meetingTypeLabels } from "./labels";

export type Minutes = {
  council: { name: string; address: string[]; logoPath?: string };
  reference: string;
  /** When the minutes were made: the document's own date. */
  madeAt: Date;
  madeBy: string;
  type: MeetingType;
  heldAt: Date;
  mode: MeetingMode | null;
  location: string | null;
  chair: string | null;
  attendees: { name: string; agency: string; role: string | null; attended: boolean }[];
  informationShared: string | null;
  decisions: string | null;
  actions: { description: string; ownerName: string; ownerAgency: string; dueDate: Date }[];
  nextReviewDate: Date | null;
};

export const MINUTES_MARKING = "CONFIDENTIAL";

const person = (a: Minutes["attendees"][number]) => [a.name, a.role, a.agency].filter(Boolean).join(", ");

export function minutesPdf(minutes: Minutes): Promise<Buffer> {
  const title = `Minutes: ${meetingTypeLabels[minutes.type]}`;
  const pdf = startPdf({
    title: `${title} (${minutes.reference})`,
    author: minutes.council.name,
    subject: `Minutes of a LADO meeting, ${minutes.reference}`,
    reference: minutes.reference,
    at: minutes.madeAt,
    marking: MINUTES_MARKING,
  });
  pdf.letterhead(minutes.council);
  pdf.heading(1, title);
  pdf.facts([
    ["Reference", minutes.reference],
    ["Date and time", londonDateTime(minutes.heldAt)],
    ["How it was held", minutes.mode ? meetingModeLabels[minutes.mode] : null],
    ["Where, or the link", minutes.location],
    ["Chair", minutes.chair],
  ]);
  const attended = minutes.attendees.filter((a) => a.attended);
  const apologies = minutes.attendees.filter((a) => !a.attended);
  pdf.heading(2, "Attended");
  if (attended.length) pdf.list(attended.map(person));
  else pdf.block("P", "No one recorded.");
  pdf.heading(2, "Apologies");
  if (apologies.length) pdf.list(apologies.map(person));
  else pdf.block("P", "None.");
  for (const [heading, text] of [
    ["Information shared", minutes.informationShared],
    ["Decisions", minutes.decisions],
  ] as const) {
    pdf.heading(2, heading);
    const paragraphs = paragraphsOf(text ?? "");
    if (paragraphs.length) for (const p of paragraphs) pdf.block("P", p);
    else pdf.block("P", "Not recorded.");
  }
  pdf.heading(2, "Actions agreed");
  if (minutes.actions.length) {
    pdf.list(minutes.actions.map((a) => `${a.description} Owner: ${a.ownerName} (${a.ownerAgency}). Due by ${calendarDate(a.dueDate)}.`));
  } else pdf.block("P", "None.");
  pdf.heading(2, "Next review");
  pdf.block("P", minutes.nextReviewDate ? `By ${calendarDate(minutes.nextReviewDate)}` : "No review date set.");
  pdf.block(
    "P",
    `These minutes are confidential. Keep them securely and share them only with those who need them to protect children. Made on ${londonDate(minutes.madeAt)} by ${minutes.madeBy}, ${minutes.council.name}.`,
  );
  return pdf.end();
}
