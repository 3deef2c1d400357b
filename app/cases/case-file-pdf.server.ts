// The whole case file as one tagged PDF, for an auditor or a court: a cover
// (reference, subject, stage, dates), then every section in the case file's
// order under its own heading (the referral's answers, prior history,
// decisions with their rationale, advice, meetings with who came, what was
// decided and the actions, police with updates and challenges, social care,
// the employer, telling people, the outcome, onward referrals, letters,
// closure and retention, documents with their SHA-256, emails) and the
// chronology. Marked CONFIDENTIAL with the reference on every page
// (app/documents/pdf.server.ts). The case is read, and the export audited
// (case.file-export), in one transaction; the PDF is made after it.
// docs/decisions/017-allegation-process.md
import {
  actionStatusLabels,
  challengeKindLabels,
  employerFinalActionLabels,
  employerInvestigationStatusLabels,
  informingKindLabels,
  meetingModeLabels,
  meetingTypeLabels,
  onwardBodyLabels,
  outcomeLabels,
  policeStatusLabels,
  suspensionAlternativeLabels,
} from "~/allegations/labels";
import { sentBy } from "~/advice/labels";
import { recordAudit } from "~/audit-trail/audit-trail.server";
import { env } from "~/config/env.server";
import { referralAnswers, referralSelect } from "~/contacts/referral-answers";
import { sourceLabels } from "~/contacts/labels";
import { db, type Prisma } from "~/db.server";
import { humanFileSize } from "~/documents/file-types";
import { documentKindLabels } from "~/documents/labels";
import { paragraphsOf, startPdf, type Pdf } from "~/documents/pdf.server";
import { messageStatusLabels } from "~/messages/labels";
import { priorHistorySummary } from "~/people/matching.server";
import { subjectLabel } from "~/people/names";
import {
  decisionLabels,
  employerResultLabels,
  harmCategoryLabels,
  harmCriterionLabels,
  immediateActionLabels,
  redirectLabels,
} from "~/triage/labels";
import { calendarDate, calendarMonth, londonDateTime, londonDay } from "~/utils/dates";
import { caseLinkReasonLabels } from "./link-labels";
import { chronology, chronologyKinds } from "./chronology";
import { allocationsOf, chronologySelect } from "./chronology.server";
import { caseStage, stageLabels } from "./stage";

export const CASE_FILE_MARKING = "CONFIDENTIAL";

/** The section headings, in order: the PDF has each, whether or not it has records. */
export const CASE_FILE_SECTIONS = [
  "Referral",
  "Prior history",
  "Decisions",
  "Advice",
  "Meetings",
  "Actions",
  "Police",
  "Children's social care",
  "Employer",
  "Telling people",
  "Outcome",
  "Onward referrals",
  "Letters",
  "Closure and retention",
  "Documents",
  "Emails",
  "Chronology",
] as const;

const caseFileSelect = {
  ...referralSelect,
  ...chronologySelect,
  reference: true,
  retentionReviewDate: true,
  retentionBasis: true,
  priorHistorySeen: true,
  subject: { select: { ...referralSelect.subject.select, id: true } },
  advice: { select: { ...chronologySelect.advice.select, followUpLetter: { select: { filename: true } } } },
} as const satisfies Prisma.CaseSelect;

/** Reads the whole case file and records its export, in one transaction. */
export function readCaseFile(request: Request, userId: string, caseId: string) {
  return db.$transaction(async (tx) => {
    // One after the other: a transaction is one connection.
    const file = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: caseFileSelect });
    const allocations = await allocationsOf(tx, caseId);
    const priorHistory = await priorHistorySummary(caseId, tx);
    const matches = file.subject
      ? await tx.personMatch.findMany({
          where: { personId: file.subject.id, status: { not: "SUGGESTED" } },
          orderBy: { decidedAt: "asc" },
          select: {
            status: true,
            decidedAt: true,
            decidedBy: { select: { name: true } },
            candidate: { select: { case: { select: { reference: true, receivedAt: true } } } },
          },
        })
      : [];
    const exportedBy = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } });
    await recordAudit(request, { who: userId, what: "case.file-export", subject: { type: "case", id: caseId } }, tx);
    return { file, allocations, priorHistory, matches, exportedBy: exportedBy.name };
  });
}

export type CaseFile = Awaited<ReturnType<typeof readCaseFile>>;

/** The file name the PDF downloads as. */
export const caseFileName = (reference: string, at: Date) => `case-file-${reference}-${londonDay(at)}.pdf`;

const when = (d: Date | null | undefined) => (d ? londonDateTime(d) : null);
const day = (d: Date | null | undefined) => (d ? calendarDate(d) : null);
const yesNo = (v: boolean | null | undefined) => (v === null || v === undefined ? null : v ? "Yes" : "No");
const withBy = (text: string | null, who: { name: string } | null | undefined) => (text && who ? `${text} by ${who.name}` : text);

/** The case file as PDF bytes, made at `at`. */
export function caseFilePdf(caseFile: CaseFile, at: Date): Promise<Buffer> {
  const { file } = caseFile;
  const pdf = startPdf({
    title: `Case file ${file.reference}`,
    author: env().COUNCIL_NAME,
    subject: `The whole LADO case file, ${file.reference}`,
    reference: file.reference,
    at,
    marking: CASE_FILE_MARKING,
  });
  cover(pdf, caseFile, at);
  const parts: Record<(typeof CASE_FILE_SECTIONS)[number], (pdf: Pdf, c: CaseFile) => void> = {
    Referral: referral,
    "Prior history": priorHistory,
    Decisions: decisions,
    Advice: advice,
    Meetings: meetings,
    Actions: actions,
    Police: police,
    "Children's social care": socialCare,
    Employer: employer,
    "Telling people": informing,
    Outcome: outcome,
    "Onward referrals": onwardReferrals,
    Letters: letters,
    "Closure and retention": closure,
    Documents: documents,
    Emails: emails,
    Chronology: chronologyPart,
  };
  for (const title of CASE_FILE_SECTIONS) {
    if (title === "Referral" || title === "Chronology") pdf.doc.addPage();
    pdf.heading(1, title);
    parts[title](pdf, caseFile);
  }
  return pdf.end();
}

function cover(pdf: Pdf, { file, exportedBy }: CaseFile, at: Date) {
  const decisionsNewestFirst = [...file.decisions].reverse();
  const closuresNewestFirst = [...file.closures].reverse();
  const signedOff = closuresNewestFirst.find((c) => c.signedOffAt && !c.reopenedAt);
  pdf.heading(1, `Case file ${file.reference}`);
  pdf.block("P", `${env().COUNCIL_NAME}: Local Authority Designated Officer (LADO) service`);
  pdf.facts([
    ["Reference", file.reference],
    ["About", subjectLabel(file.namedProfessional, file.subject)],
    [
      "Job and employer",
      [file.subject?.jobTitle, file.subject?.employer?.name ?? file.subject?.employerName].filter(Boolean).join(", ") || null,
    ],
    ["Stage", stageLabels[caseStage(decisionsNewestFirst, closuresNewestFirst)]],
    ["Contact received", `${londonDateTime(file.receivedAt)} (${sourceLabels[file.source]})`],
    ["Allocated to", file.allocatedTo?.name ?? "Unallocated"],
    [
      "Current decision",
      decisionsNewestFirst[0]
        ? `${decisionLabels[decisionsNewestFirst[0].category]}, ${londonDateTime(decisionsNewestFirst[0].decidedAt)}`
        : "No decision yet",
    ],
    ["Outcome", file.outcome ? `${outcomeLabels[file.outcome.outcome]}, ${londonDateTime(file.outcome.decidedAt)}` : "None recorded"],
    ["Closed", signedOff?.signedOffAt ? londonDateTime(signedOff.signedOffAt) : "Open"],
    ["Retention review date", day(file.retentionReviewDate)],
    ["Legal hold", file.legalHolds.some((h) => !h.liftedAt) ? "Yes: this file must not be deleted" : "None"],
    ["Exported", `${londonDateTime(at)} by ${exportedBy}`],
  ]);
  pdf.block("P", "This file contains, in order:");
  pdf.list([...CASE_FILE_SECTIONS]);
}

function none(pdf: Pdf, text = "None recorded.") {
  pdf.block("P", text);
}

/** Text as typed, a paragraph per blank-line-separated block. */
function paragraphs(pdf: Pdf, text: string | null | undefined) {
  for (const p of paragraphsOf(text ?? "")) pdf.block("P", p);
}

function referral(pdf: Pdf, { file }: CaseFile) {
  for (const part of referralAnswers(file)) {
    pdf.heading(2, part.title);
    if (part.text) pdf.block("P", part.text);
    else pdf.facts(part.rows.map(([label, value]) => [label, value ?? "Not answered"]));
  }
}

function priorHistory(pdf: Pdf, { priorHistory: p, matches, file }: CaseFile) {
  pdf.facts([
    ["Initial consideration", withBy(when(file.initialConsideredAt), file.initialConsideredBy) ?? "Not yet"],
    ["Prior history seen", yesNo(file.priorHistorySeen)],
    ["Immediate action", file.immediateActions.map((a) => immediateActionLabels[a]).join(", ") || null],
    ["Notes", file.initialConsideration],
    ["Possible earlier contacts about this person (now)", `${p.candidates} (${p.strong} strong)`],
    ["Earlier contacts confirmed as this person", String(p.confirmed)],
    ["Contacts about the same setting in the last three years", String(p.settingContacts)],
  ]);
  if (matches.length) {
    pdf.heading(2, "Matches decided");
    pdf.list(
      matches.map(
        (m) =>
          `${m.status === "CONFIRMED" ? "Confirmed" : "Rejected"}: ${m.candidate.case.reference} (received ${calendarDate(m.candidate.case.receivedAt)})${m.decidedAt ? `, ${londonDateTime(m.decidedAt)}` : ""}${m.decidedBy ? ` by ${m.decidedBy.name}` : ""}`,
      ),
    );
  }
  const links = [
    ...(file.sameMatterAs
      ? [`Same matter as ${file.sameMatterAs.sameMatterAs.reference} (${caseLinkReasonLabels[file.sameMatterAs.reason]})`]
      : []),
    ...file.sameMatterContacts.map((l) => `Later contact ${l.case.reference} about the same matter (${caseLinkReasonLabels[l.reason]})`),
  ];
  if (links.length) {
    pdf.heading(2, "Contacts about the same matter");
    pdf.list(links);
  }
}

function decisions(pdf: Pdf, { file }: CaseFile) {
  if (!file.decisions.length) return none(pdf, "No threshold decision yet.");
  for (const d of file.decisions) {
    pdf.heading(2, `Revision ${d.revision}: ${decisionLabels[d.category]}`);
    pdf.facts([
      ["Decided", withBy(londonDateTime(d.decidedAt), d.decidedBy)],
      ["Harm threshold", d.harmCriteria.map((c) => harmCriterionLabels[c]).join("; ") || null],
      ["Categories of harm", d.harmCategories.map((c) => harmCategoryLabels[c]).join(", ") || null],
      ["Rationale", d.rationale],
    ]);
  }
  const inv = file.employerInvestigation;
  if (inv && !file.decisions.some((d) => d.category === "ALLEGATION")) {
    pdf.heading(2, "The employer's investigation of the cause for concern");
    investigationFacts(pdf, inv);
  }
}

function advice(pdf: Pdf, { file }: CaseFile) {
  const a = file.advice;
  if (!a) return none(pdf, "No advice recorded.");
  pdf.facts([
    ["Recorded", withBy(londonDateTime(a.recordedAt), a.recordedBy)],
    ["Advice given", a.adviceGiven],
    ["What the referrer was asked to do", a.referrerActions],
    ["Redirected to", a.redirectedTo ? [redirectLabels[a.redirectedTo], a.redirectDetail].filter(Boolean).join(": ") : null],
    ["Progressed to a referral", a.progressedToCase?.reference ?? "No"],
    [
      "Follow-up letter",
      a.followUpSentAt && a.followUpMethod
        ? `${a.followUpLetter?.filename ?? "Letter"}, sent ${londonDateTime(a.followUpSentAt)} ${sentBy[a.followUpMethod]}`
        : "Not sent",
    ],
  ]);
}

function meetings(pdf: Pdf, { file }: CaseFile) {
  if (!file.meetings.length) return none(pdf);
  for (const m of file.meetings) {
    const state = m.cancelledAt ? "cancelled" : m.recordedAt ? "held" : "scheduled";
    pdf.heading(2, `${meetingTypeLabels[m.type]}, ${londonDateTime(m.heldAt)} (${state})`);
    pdf.facts([
      ["How it was held", m.mode ? meetingModeLabels[m.mode] : null],
      ["Where, or the link", m.location],
      ["Chair", m.chair],
      ...(m.cancelledAt ? ([["Cancelled", `${londonDateTime(m.cancelledAt)}: ${m.cancelledReason ?? ""}`]] as [string, string][]) : []),
      ["Information shared", m.informationShared],
      ["Decisions", m.decisions],
      ["Next review", day(m.nextReviewDate)],
      ["Minutes sent", when(m.minutesSentAt)],
    ]);
    const person = (a: (typeof m.attendees)[number]) => [a.name, a.role, a.agency].filter(Boolean).join(", ");
    pdf.heading(3, "Attended");
    const attended = m.attendees.filter((a) => a.attended);
    if (attended.length) pdf.list(attended.map(person));
    else none(pdf, "No one recorded.");
    const apologies = m.attendees.filter((a) => !a.attended);
    if (apologies.length) {
      pdf.heading(3, "Apologies");
      pdf.list(apologies.map(person));
    }
    const agreed = file.actions.filter((a) => a.meetingId === m.id);
    if (agreed.length) {
      pdf.heading(3, "Actions agreed");
      pdf.list(agreed.map(actionLine));
    }
  }
}

const actionLine = (a: CaseFile["file"]["actions"][number]) =>
  `${a.description}: ${a.ownerName} (${a.ownerAgency}), due ${calendarDate(a.dueDate)}, ${actionStatusLabels[a.status].toLowerCase()}${a.completedAt ? ` ${londonDateTime(a.completedAt)}` : ""}${a.completionNote ? `. ${a.completionNote}` : ""}`;

function actions(pdf: Pdf, { file }: CaseFile) {
  if (!file.actions.length) return none(pdf);
  pdf.list(file.actions.map(actionLine));
}

function police(pdf: Pdf, { file }: CaseFile) {
  const p = file.police;
  if (!p) return none(pdf, "No police involvement recorded.");
  pdf.facts([
    ["Status", policeStatusLabels[p.status]],
    ["Force", p.force],
    ["Reference", p.reference],
    ["Officer", [p.officerName, p.officerContact].filter(Boolean).join(", ") || null],
    ["Informed", when(p.informedAt)],
    ["Investigation opened", when(p.openedAt)],
    ["Concluded", when(p.concludedAt)],
  ]);
  pdf.heading(2, "Updates");
  if (p.updates.length) pdf.list(p.updates.map((u) => `${londonDateTime(u.at)}, ${policeStatusLabels[u.status]}: ${u.note}`));
  else none(pdf, "No updates recorded.");
  pdf.heading(2, "Challenges and escalations");
  if (!p.challenges.length) return none(pdf);
  for (const c of p.challenges) {
    pdf.heading(3, `${challengeKindLabels[c.kind]}, ${londonDateTime(c.at)}`);
    pdf.facts([
      ["To whom", c.toWhom],
      ["What was asked", c.detail],
      ["Answer", c.response ?? "No answer yet"],
      ["Answered", when(c.respondedAt)],
    ]);
  }
}

function socialCare(pdf: Pdf, { file }: CaseFile) {
  const s = file.section47;
  if (!s) return none(pdf);
  pdf.facts([
    ["Referred to children's social care", day(s.referredAt)],
    ["Section 47 enquiry", yesNo(s.held)],
    ["Started", day(s.startedAt)],
    ["Result", s.result],
  ]);
}

function investigationFacts(pdf: Pdf, inv: NonNullable<CaseFile["file"]["employerInvestigation"]>) {
  pdf.facts([
    ["Agreed", londonDateTime(inv.agreedAt)],
    ["What was agreed", inv.agreedActions],
    ["Investigator", inv.investigator],
    ["Report back by", day(inv.reportBackBy)],
    ["Status", inv.status ? employerInvestigationStatusLabels[inv.status] : null],
    ["Started", day(inv.startedAt)],
    ["Concluded", day(inv.concludedAt)],
    ["Result", inv.resultCode ? [employerResultLabels[inv.resultCode], inv.result].filter(Boolean).join(": ") : inv.result],
    ["Result received", when(inv.resultReceivedAt)],
  ]);
}

function employer(pdf: Pdf, { file }: CaseFile) {
  pdf.heading(2, "The employer's investigation");
  if (file.employerInvestigation) investigationFacts(pdf, file.employerInvestigation);
  else none(pdf);
  pdf.heading(2, "The employer's actions");
  const e = file.employerAction;
  if (!e) return none(pdf);
  pdf.facts([
    ["Suspension considered", yesNo(e.suspensionConsidered)],
    ["Alternatives considered", e.alternativesConsidered.map((a) => suspensionAlternativeLabels[a]).join(", ") || null],
    ["Why the alternatives were not enough", e.alternativesRejected],
    ["Why not suspended", e.notSuspendedReason],
    ["Suspended", e.suspended ? (day(e.suspendedAt) ?? "Yes") : "No"],
    ["Rationale for suspension", e.suspensionRationale],
    ["Agreed by", e.suspensionAgreedBy],
    ["Written confirmation", day(e.writtenConfirmationAt)],
    ["Named contact for the person", e.namedContact],
    ["Suspension reviews", e.suspensionReviewDates.map((d) => calendarDate(d)).join(", ") || null],
    ["Suspension ended", day(e.suspensionEndedAt)],
    ["Redeployed", e.redeployed ? (day(e.redeployedAt) ?? "Yes") : "No"],
    ["Returned to work", day(e.returnedToWorkAt)],
    [
      "Final action",
      e.finalAction
        ? [employerFinalActionLabels[e.finalAction], day(e.finalActionAt), e.finalActionDetail].filter(Boolean).join(", ")
        : null,
    ],
  ]);
}

function informing(pdf: Pdf, { file }: CaseFile) {
  if (!file.informing.length) return none(pdf);
  for (const i of file.informing) {
    pdf.heading(2, informingKindLabels[i.kind]);
    pdf.facts([
      ["Done", i.done ? (day(i.doneOn) ?? "Yes") : "Not done"],
      ["By whom", i.byWhom],
      ...(i.kind === "SUBJECT_TOLD"
        ? ([
            ["Police agreed first", yesNo(i.policeAgreed)],
            ["Children's social care agreed first", yesNo(i.socialCareAgreed)],
          ] as [string, string | null][])
        : []),
      ...(i.done ? [] : ([["Why not", i.notDoneReason]] as [string, string | null][])),
    ]);
  }
}

function outcome(pdf: Pdf, { file }: CaseFile) {
  const o = file.outcome;
  if (!o) return none(pdf, "No outcome yet.");
  pdf.facts([
    ["Outcome", outcomeLabels[o.outcome]],
    ["Decided", withBy(londonDateTime(o.decidedAt), o.recordedBy)],
    ["The person resigned", yesNo(o.personResigned)],
    ["The person refused to cooperate", yesNo(o.refusedToCooperate)],
  ]);
  pdf.heading(2, "Rationale");
  paragraphs(pdf, o.rationale);
}

function onwardReferrals(pdf: Pdf, { file }: CaseFile) {
  if (!file.onwardReferrals.length) return none(pdf);
  pdf.list(
    file.onwardReferrals.map((o) =>
      [
        `${onwardBodyLabels[o.body]}, ${calendarDate(o.referredAt)}`,
        o.referredBy && `by ${o.referredBy}`,
        o.reference && `reference ${o.reference}`,
        o.detail,
      ]
        .filter(Boolean)
        .join(", "),
    ),
  );
}

function letters(pdf: Pdf, { file }: CaseFile) {
  const all = [
    ...(file.advice?.followUpSentAt && file.advice.followUpMethod
      ? [`Advice follow-up letter to the referrer, ${londonDateTime(file.advice.followUpSentAt)} ${sentBy[file.advice.followUpMethod]}`]
      : []),
    ...file.outcomeLetters.map(
      (l) =>
        `Outcome letter to the ${l.recipient === "EMPLOYER" ? "employer" : "person"} (${l.document.filename}), ${londonDateTime(l.createdAt)}${l.createdBy ? ` by ${l.createdBy.name}` : ""}${l.sentTo ? `, emailed to ${l.sentTo}` : ""}`,
    ),
  ];
  if (all.length) pdf.list(all);
  else none(pdf, "No letters sent.");
}

function closure(pdf: Pdf, { file }: CaseFile) {
  pdf.heading(2, "Reasons for delay");
  if (file.delayReasons.length)
    pdf.list(file.delayReasons.map((d) => `${calendarMonth(d.month)}: ${d.reason}${d.recordedBy ? ` (${d.recordedBy.name})` : ""}`));
  else none(pdf);
  pdf.heading(2, "Closure");
  if (!file.closures.length) none(pdf, "Not proposed for closure.");
  for (const c of file.closures) {
    pdf.facts([
      ["Proposed", withBy(londonDateTime(c.proposedAt), c.proposedBy)],
      ["Closure reason", c.note],
      ["Why it may close with actions open", c.openActionsReason],
      ["Returned", c.returnedAt ? `${withBy(londonDateTime(c.returnedAt), c.returnedBy)}: ${c.returnedReason ?? ""}` : null],
      ["Signed off", withBy(when(c.signedOffAt), c.signedOffBy)],
      ["Reopened", c.reopenedAt ? `${withBy(londonDateTime(c.reopenedAt), c.reopenedBy)}: ${c.reopenReason ?? ""}` : null],
    ]);
  }
  pdf.heading(2, "Retention");
  pdf.facts([
    ["Retention review date", day(file.retentionReviewDate)],
    ["How it was reached", file.retentionBasis],
  ]);
  pdf.heading(2, "Legal holds");
  if (file.legalHolds.length) {
    pdf.list(
      file.legalHolds.map(
        (h) =>
          `${h.reason}: placed ${londonDateTime(h.placedAt)}${h.placedBy ? ` by ${h.placedBy.name}` : ""}${h.liftedAt ? `, lifted ${londonDateTime(h.liftedAt)}` : ", in force"}`,
      ),
    );
  } else none(pdf);
}

function documents(pdf: Pdf, { file }: CaseFile) {
  if (!file.documents.length) return none(pdf, "No documents.");
  pdf.list(
    file.documents.map(
      (d) =>
        `${d.filename} (${documentKindLabels[d.kind]}, ${humanFileSize(d.sizeBytes)}), added ${londonDateTime(d.createdAt)}${d.uploadedBy ? ` by ${d.uploadedBy.name}` : ""}. SHA-256 ${d.sha256}`,
    ),
  );
}

function emails(pdf: Pdf, { file }: CaseFile) {
  if (!file.messages.length) return none(pdf, "No emails.");
  pdf.list(
    file.messages.map(
      (m) =>
        `${londonDateTime(m.createdAt)}, to ${m.toAddress}: ${m.subject} (${messageStatusLabels[m.status]}${m.sentAt ? ` ${londonDateTime(m.sentAt)}` : ""})`,
    ),
  );
}

function chronologyPart(pdf: Pdf, { file, allocations }: CaseFile) {
  const entries = chronology(file, allocations);
  if (!entries.length) return none(pdf, "No events.");
  pdf.list(
    entries.map((e) => {
      const at = typeof e.at === "string" ? calendarDate(e.at) : londonDateTime(e.at);
      return `${at}: ${e.title} [${chronologyKinds[e.kind]}]${e.detail ? `. ${e.detail}` : ""}`;
    }),
  );
}
