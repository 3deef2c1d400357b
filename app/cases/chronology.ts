// The chronology: every event of a case in date order, built from the case's
// own records (a contact, its decisions, meetings, police updates, letters...)
// rather than from the audit trail, which only adds who allocated the case.
// Pure: the records come in loaded (app/cases/chronology.server.ts), the
// entries go out. docs/decisions/017-allegation-process.md
import type {
  ActionStatus,
  CaseLinkReason,
  ChallengeKind,
  ContactSource,
  DecisionCategory,
  DocumentKind,
  EmployerFinalAction,
  EmployerInvestigationStatus,
  EmployerResult,
  ImmediateAction,
  InformingKind,
  LetterMethod,
  LetterRecipient,
  MeetingType,
  MessageStatus,
  OnwardBody,
  OutcomeType,
  PoliceStatus,
  RedirectTarget,
} from "~/generated/prisma/enums";
import {
  actionStatusLabels,
  challengeKindLabels,
  employerFinalActionLabels,
  employerInvestigationStatusLabels,
  informingKindLabels,
  meetingTypeLabels,
  onwardBodyLabels,
  outcomeLabels,
  policeStatusLabels,
} from "~/allegations/labels";
import { sentBy } from "~/advice/labels";
import { sourceLabels } from "~/contacts/labels";
import { documentKindLabels } from "~/documents/labels";
import { messageStatusLabels } from "~/messages/labels";
import { decisionLabels, employerResultLabels, immediateActionLabels, redirectLabels } from "~/triage/labels";
import { calendarDate, calendarMonth, londonDateTime, londonDay } from "~/utils/dates";
import { caseLinkReasonLabels } from "./link-labels";
import type { CaseSectionSlug } from "./sections";

/** The kinds of event, in the order the filter lists them (and same-moment events are told). */
export const chronologyKinds = {
  contact: "Contact and links",
  triage: "Consideration, allocation and decisions",
  advice: "Advice",
  meetings: "Meetings",
  actions: "Actions",
  police: "Police",
  "social-care": "Children's social care",
  employer: "Employer",
  informing: "Telling people",
  outcome: "Outcome, onward referrals and letters",
  closure: "Delay, closure and legal holds",
  documents: "Documents",
  emails: "Emails",
} as const;

export type ChronologyKind = keyof typeof chronologyKinds;
export const CHRONOLOGY_KINDS = Object.keys(chronologyKinds) as ChronologyKind[];

/** A calendar day, yyyy-mm-dd: an event whose record keeps only the day. */
export type CalendarDay = `${number}-${number}-${number}`;

export type ChronologyEntry = {
  /** A moment, or only the day it happened. */
  at: Date | CalendarDay;
  kind: ChronologyKind;
  title: string;
  detail: string | null;
  /** The case file section that holds the record. */
  section: CaseSectionSlug;
};

type Named = { name: string } | null;

/** What the chronology is built from: the case's records as chronology.server.ts loads them. */
export type ChronologyRecords = {
  receivedAt: Date;
  source: ContactSource;
  loggedBy: Named;
  incidentFrom: Date | null;
  incidentTo: Date | null;
  employerAwareAt: Date | null;
  initialConsideredAt: Date | null;
  initialConsideredBy: Named;
  initialConsideration: string | null;
  immediateActions: ImmediateAction[];
  allocatedAt: Date | null;
  allocatedTo: Named;
  sameMatterAs: { reason: CaseLinkReason; linkedAt: Date; linkedBy: Named; sameMatterAs: { reference: string } } | null;
  sameMatterContacts: { reason: CaseLinkReason; linkedAt: Date; linkedBy: Named; case: { reference: string } }[];
  decisions: { revision: number; category: DecisionCategory; rationale: string; decidedAt: Date; decidedBy: Named }[];
  advice: {
    recordedAt: Date;
    recordedBy: Named;
    adviceGiven: string;
    redirectedTo: RedirectTarget | null;
    followUpSentAt: Date | null;
    followUpMethod: LetterMethod | null;
  } | null;
  employerInvestigation: {
    agreedAt: Date;
    agreedActions: string;
    investigator: string | null;
    reportBackBy: Date | null;
    status: EmployerInvestigationStatus | null;
    startedAt: Date | null;
    concludedAt: Date | null;
    resultCode: EmployerResult | null;
    result: string | null;
    resultReceivedAt: Date | null;
  } | null;
  meetings: {
    type: MeetingType;
    heldAt: Date;
    createdAt: Date;
    recordedAt: Date | null;
    cancelledAt: Date | null;
    cancelledReason: string | null;
    chair: string | null;
    decisions: string | null;
    minutesSentAt: Date | null;
  }[];
  actions: {
    description: string;
    ownerName: string;
    ownerAgency: string;
    dueDate: Date;
    status: ActionStatus;
    createdAt: Date;
    completedAt: Date | null;
    completionNote: string | null;
  }[];
  police: {
    force: string | null;
    reference: string | null;
    informedAt: Date | null;
    openedAt: Date | null;
    concludedAt: Date | null;
    status: PoliceStatus;
    updates: { at: Date; status: PoliceStatus; note: string }[];
    challenges: {
      at: Date;
      kind: ChallengeKind;
      toWhom: string | null;
      detail: string;
      response: string | null;
      respondedAt: Date | null;
    }[];
  } | null;
  section47: { referredAt: Date | null; held: boolean; startedAt: Date | null; result: string | null } | null;
  employerAction: {
    suspended: boolean;
    suspendedAt: Date | null;
    suspensionRationale: string | null;
    suspensionAgreedBy: string | null;
    writtenConfirmationAt: Date | null;
    suspensionReviewDates: Date[];
    suspensionEndedAt: Date | null;
    redeployedAt: Date | null;
    returnedToWorkAt: Date | null;
    finalAction: EmployerFinalAction | null;
    finalActionAt: Date | null;
    finalActionDetail: string | null;
  } | null;
  informing: {
    kind: InformingKind;
    done: boolean;
    doneOn: Date | null;
    byWhom: string | null;
    notDoneReason: string | null;
    recordedAt: Date;
  }[];
  outcome: {
    outcome: OutcomeType;
    rationale: string;
    decidedAt: Date;
    personResigned: boolean;
    refusedToCooperate: boolean;
    recordedBy: Named;
  } | null;
  onwardReferrals: { body: OnwardBody; referredAt: Date; referredBy: string | null; reference: string | null; detail: string | null }[];
  outcomeLetters: { recipient: LetterRecipient; createdAt: Date; sentTo: string | null; createdBy: Named }[];
  delayReasons: { month: Date; reason: string; recordedBy: Named }[];
  closures: {
    proposedAt: Date;
    proposedBy: Named;
    note: string | null;
    openActionsReason: string | null;
    returnedAt: Date | null;
    returnedBy: Named;
    returnedReason: string | null;
    signedOffAt: Date | null;
    signedOffBy: Named;
    reopenedAt: Date | null;
    reopenedBy: Named;
    reopenReason: string | null;
  }[];
  legalHolds: { reason: string; placedAt: Date; placedBy: Named; liftedAt: Date | null }[];
  documents: { kind: DocumentKind; filename: string; createdAt: Date; uploadedBy: Named }[];
  messages: { subject: string; toAddress: string; status: MessageStatus; createdAt: Date; sentAt: Date | null }[];
};

/** Each change of who has the case, from the audit trail ("case.allocate"): when, to whom, by whom. */
export type Allocation = { at: Date; to: string | null; by: string | null };

/** A @db.Date (midnight UTC) as its calendar day. */
export const dayOf = (d: Date): CalendarDay => d.toISOString().slice(0, 10) as CalendarDay;

/**
 * A timestamp whose form asks only the day (the police's dates, the date of
 * the outcome: kept as London midnight) as its London calendar day, so no
 * made-up time of 12:00am is shown.
 */
const londonDayOf = (d: Date | null | undefined) => (d ? (londonDay(d) as CalendarDay) : null);

const by = (who: Named) => (who ? ` by ${who.name}` : "");
/** Non-empty parts joined into one line, or null. */
const join = (parts: (string | null | undefined | false)[], separator = ". ") => parts.filter(Boolean).join(separator) || null;

/** Every event of the case, oldest first (or newest first), optionally only some kinds. */
export function chronology(
  records: ChronologyRecords,
  allocations: Allocation[],
  options: { kinds?: readonly ChronologyKind[]; order?: "oldest" | "newest" } = {},
): ChronologyEntry[] {
  const entries: ChronologyEntry[] = [];
  const add = (
    at: Date | CalendarDay | null | undefined,
    kind: ChronologyKind,
    section: CaseSectionSlug,
    title: string,
    detail?: string | null,
  ) => {
    if (at) entries.push({ at, kind, section, title, detail: detail ?? null });
  };
  for (const events of [contactEvents, triageEvents, meetingEvents, policeEvents, employerEvents, outcomeEvents, recordEvents]) {
    events(records, add, allocations);
  }
  const wanted = options.kinds?.length ? new Set(options.kinds) : null;
  const sorted = sortEntries(wanted ? entries.filter((e) => wanted.has(e.kind)) : entries);
  return options.order === "newest" ? sorted.reverse() : sorted;
}

type Add = (
  at: Date | CalendarDay | null | undefined,
  kind: ChronologyKind,
  section: CaseSectionSlug,
  title: string,
  detail?: string | null,
) => void;
const day = (d: Date | null | undefined) => (d ? dayOf(d) : null);

function contactEvents(r: ChronologyRecords, add: Add) {
  if (r.incidentFrom) {
    add(day(r.incidentFrom), "contact", "referral", r.incidentTo ? "Incident period began (as referred)" : "Incident (as referred)");
    add(day(r.incidentTo), "contact", "referral", "Incident period ended (as referred)");
  }
  add(day(r.employerAwareAt), "contact", "referral", "Employer became aware (as referred)");
  add(r.receivedAt, "contact", "", `Contact received: ${sourceLabels[r.source]}`, r.loggedBy ? `Logged by ${r.loggedBy.name}` : null);
  if (r.sameMatterAs) {
    const link = r.sameMatterAs;
    add(
      link.linkedAt,
      "contact",
      "",
      `Linked as the same matter as ${link.sameMatterAs.reference}`,
      `${caseLinkReasonLabels[link.reason]}${by(link.linkedBy)}`,
    );
  }
  for (const link of r.sameMatterContacts) {
    add(
      link.linkedAt,
      "contact",
      "",
      `Later contact ${link.case.reference} linked to this matter`,
      `${caseLinkReasonLabels[link.reason]}${by(link.linkedBy)}`,
    );
  }
}

function triageEvents(r: ChronologyRecords, add: Add, allocations: Allocation[]) {
  add(
    r.initialConsideredAt,
    "triage",
    "",
    `Initial consideration${by(r.initialConsideredBy)}`,
    join([r.immediateActions.map((a) => immediateActionLabels[a]).join(", "), r.initialConsideration]),
  );
  // Who allocated it is kept by the audit trail; a case allocated without one (imported) still says when and to whom.
  if (allocations.length) {
    for (const a of allocations) add(a.at, "triage", "", a.to ? `Allocated to ${a.to}` : "Allocation removed", a.by ? `By ${a.by}` : null);
  } else if (r.allocatedAt && r.allocatedTo) {
    add(r.allocatedAt, "triage", "", `Allocated to ${r.allocatedTo.name}`);
  }
  for (const d of r.decisions) {
    const title = d.revision === 1 ? "Threshold decision" : `Decision revised (revision ${d.revision})`;
    add(d.decidedAt, "triage", "decisions", `${title}: ${decisionLabels[d.category]}${by(d.decidedBy)}`, d.rationale);
  }
  const a = r.advice;
  if (a) {
    add(
      a.recordedAt,
      "advice",
      "advice",
      `Advice recorded${by(a.recordedBy)}`,
      join([a.redirectedTo && a.redirectedTo !== "NONE" ? `Redirected to ${redirectLabels[a.redirectedTo]}` : null, a.adviceGiven]),
    );
    if (a.followUpSentAt && a.followUpMethod)
      add(a.followUpSentAt, "advice", "advice", `Follow-up letter sent ${sentBy[a.followUpMethod]}`);
  }
}

function meetingEvents(r: ChronologyRecords, add: Add) {
  for (const m of r.meetings) {
    const name = meetingTypeLabels[m.type];
    add(m.createdAt, "meetings", "meetings", `${name} scheduled`, `For ${londonDateTime(m.heldAt)}`);
    if (m.recordedAt) add(m.heldAt, "meetings", "meetings", `${name} held`, join([m.chair ? `Chaired by ${m.chair}` : null, m.decisions]));
    if (m.cancelledAt) add(m.cancelledAt, "meetings", "meetings", `${name} cancelled`, m.cancelledReason);
    add(m.minutesSentAt, "meetings", "meetings", `Minutes of the ${name.charAt(0).toLowerCase()}${name.slice(1)} sent`);
  }
  for (const a of r.actions) {
    add(
      a.createdAt,
      "actions",
      "meetings",
      `Action added: ${a.description}`,
      `Owner ${a.ownerName} (${a.ownerAgency}), due ${calendarDate(a.dueDate)}`,
    );
    if (a.status !== "OPEN")
      add(a.completedAt, "actions", "meetings", `Action ${actionStatusLabels[a.status].toLowerCase()}: ${a.description}`, a.completionNote);
  }
}

function policeEvents(r: ChronologyRecords, add: Add) {
  const p = r.police;
  if (p) {
    add(
      londonDayOf(p.informedAt),
      "police",
      "police",
      "Police informed",
      join([p.force, p.reference ? `reference ${p.reference}` : null], ", "),
    );
    add(londonDayOf(p.openedAt), "police", "police", "Police investigation opened");
    for (const u of p.updates) add(londonDayOf(u.at), "police", "police", `Police update: ${policeStatusLabels[u.status]}`, u.note);
    for (const c of p.challenges) {
      const kind = challengeKindLabels[c.kind];
      add(londonDayOf(c.at), "police", "police", `${kind} to the police${c.toWhom ? ` (${c.toWhom})` : ""}`, c.detail);
      add(londonDayOf(c.respondedAt), "police", "police", `Police answered the ${kind.toLowerCase()}`, c.response);
    }
    add(londonDayOf(p.concludedAt), "police", "police", `Police investigation concluded: ${policeStatusLabels[p.status]}`);
  }
  const s = r.section47;
  if (s) {
    add(day(s.referredAt), "social-care", "police", "Referred to children's social care");
    add(day(s.startedAt), "social-care", "police", "Section 47 enquiry started", s.result);
  }
}

function employerEvents(r: ChronologyRecords, add: Add) {
  const inv = r.employerInvestigation;
  if (inv) {
    // A cause for concern's investigation is kept with the decisions; an allegation's beside the employer's actions.
    const section = r.decisions.some((d) => d.category === "ALLEGATION") ? "employer" : "decisions";
    add(
      inv.agreedAt,
      "employer",
      section,
      "Employer's investigation agreed",
      join([inv.investigator ? `Investigator ${inv.investigator}` : null, inv.agreedActions]),
    );
    add(day(inv.startedAt), "employer", section, "Employer's investigation started");
    add(
      day(inv.concludedAt),
      "employer",
      section,
      "Employer's investigation concluded",
      inv.status ? employerInvestigationStatusLabels[inv.status] : null,
    );
    add(
      inv.resultReceivedAt,
      "employer",
      section,
      `Employer's result received${inv.resultCode ? `: ${employerResultLabels[inv.resultCode]}` : ""}`,
      inv.result,
    );
  }
  const e = r.employerAction;
  if (e) {
    if (e.suspended)
      add(
        day(e.suspendedAt),
        "employer",
        "employer",
        "Suspended",
        join([e.suspensionAgreedBy ? `Agreed by ${e.suspensionAgreedBy}` : null, e.suspensionRationale]),
      );
    add(day(e.writtenConfirmationAt), "employer", "employer", "Suspension confirmed in writing");
    for (const review of e.suspensionReviewDates) add(dayOf(review), "employer", "employer", "Suspension reviewed");
    add(day(e.suspensionEndedAt), "employer", "employer", "Suspension ended");
    add(day(e.redeployedAt), "employer", "employer", "Redeployed");
    add(day(e.returnedToWorkAt), "employer", "employer", "Returned to work");
    if (e.finalAction)
      add(
        day(e.finalActionAt),
        "employer",
        "employer",
        `Employer's final action: ${employerFinalActionLabels[e.finalAction]}`,
        e.finalActionDetail,
      );
  }
}

function outcomeEvents(r: ChronologyRecords, add: Add) {
  for (const i of r.informing) {
    const what = informingKindLabels[i.kind];
    if (i.done) add(day(i.doneOn), "informing", "informing", what, i.byWhom ? `By ${i.byWhom}` : null);
    else add(i.recordedAt, "informing", "informing", `Not done: ${what.charAt(0).toLowerCase()}${what.slice(1)}`, i.notDoneReason);
  }
  const o = r.outcome;
  if (o) {
    const also = join([o.personResigned && "The person resigned", o.refusedToCooperate && "The person refused to cooperate", o.rationale]);
    add(londonDayOf(o.decidedAt), "outcome", "outcome", `Outcome: ${outcomeLabels[o.outcome]}${by(o.recordedBy)}`, also);
  }
  for (const o of r.onwardReferrals) {
    add(
      dayOf(o.referredAt),
      "outcome",
      "outcome",
      `Referred to the ${onwardBodyLabels[o.body]}`,
      join([o.referredBy ? `By ${o.referredBy}` : null, o.reference ? `Reference ${o.reference}` : null, o.detail]),
    );
  }
  for (const l of r.outcomeLetters) {
    add(
      l.createdAt,
      "outcome",
      "outcome",
      `Outcome letter to the ${l.recipient === "EMPLOYER" ? "employer" : "person"}${by(l.createdBy)}`,
      l.sentTo ? `Emailed to ${l.sentTo}` : null,
    );
  }
}

function recordEvents(r: ChronologyRecords, add: Add) {
  for (const d of r.delayReasons)
    add(dayOf(d.month), "closure", "closure", `Reason for delay for ${calendarMonth(d.month)}${by(d.recordedBy)}`, d.reason);
  for (const c of r.closures) {
    add(
      c.proposedAt,
      "closure",
      "closure",
      `Closure proposed${by(c.proposedBy)}`,
      join([c.note, c.openActionsReason ? `Open actions: ${c.openActionsReason}` : null]),
    );
    add(c.returnedAt, "closure", "closure", `Closure returned${by(c.returnedBy)}`, c.returnedReason);
    add(c.signedOffAt, "closure", "closure", `Closure signed off${by(c.signedOffBy)}`);
    add(c.reopenedAt, "closure", "closure", `Reopened${by(c.reopenedBy)}`, c.reopenReason);
  }
  for (const h of r.legalHolds) {
    add(h.placedAt, "closure", "closure", `Legal hold placed${by(h.placedBy)}`, h.reason);
    add(h.liftedAt, "closure", "closure", "Legal hold lifted");
  }
  for (const d of r.documents)
    add(d.createdAt, "documents", "documents", `Document added: ${d.filename}`, `${documentKindLabels[d.kind]}${by(d.uploadedBy)}`);
  for (const m of r.messages) {
    add(m.createdAt, "emails", "emails", `Email: ${m.subject}`, `To ${m.toAddress}: ${messageStatusLabels[m.status]}`);
  }
}

const kindOrder = new Map(CHRONOLOGY_KINDS.map((kind, i) => [kind, i]));

/** Sort key of an entry: its London day, then the day-only events first, then the moment. */
function keyOf(at: Date | CalendarDay): [string, number] {
  return typeof at === "string" ? [at, -Infinity] : [londonDay(at), at.getTime()];
}

/**
 * Oldest first. On one day, events known only by the day come first (their
 * time is not known), then the timed ones by time; events at the same
 * moment, or on the same day without a time, in the order of the process
 * (the kinds' order), then as the records list them.
 */
export function sortEntries(entries: ChronologyEntry[]): ChronologyEntry[] {
  return entries
    .map((entry, i) => ({ entry, i, key: keyOf(entry.at) }))
    .sort(
      (a, b) =>
        a.key[0].localeCompare(b.key[0]) ||
        (a.key[1] === b.key[1] ? 0 : a.key[1] < b.key[1] ? -1 : 1) ||
        kindOrder.get(a.entry.kind)! - kindOrder.get(b.entry.kind)! ||
        a.i - b.i,
    )
    .map(({ entry }) => entry);
}
