import { describe, expect, it } from "vitest";
import { chronology, sortEntries, type ChronologyEntry, type ChronologyRecords } from "./chronology";

const at = (iso: string) => new Date(iso);
/** A @db.Date as Prisma returns it: midnight UTC of the day. */
const day = (d: string) => new Date(`${d}T00:00:00Z`);

/** A contact received (by phone) and nothing else, with `records` on it. */
function records(overrides: Partial<ChronologyRecords> = {}): ChronologyRecords {
  return {
    receivedAt: at("2026-03-02T09:15:00Z"),
    source: "PHONE",
    loggedBy: { name: "Bea Support" },
    incidentFrom: null,
    incidentTo: null,
    employerAwareAt: null,
    initialConsideredAt: null,
    initialConsideredBy: null,
    initialConsideration: null,
    immediateActions: [],
    allocatedAt: null,
    allocatedTo: null,
    sameMatterAs: null,
    sameMatterContacts: [],
    decisions: [],
    advice: null,
    employerInvestigation: null,
    meetings: [],
    actions: [],
    police: null,
    section47: null,
    employerAction: null,
    informing: [],
    outcome: null,
    onwardReferrals: [],
    outcomeLetters: [],
    delayReasons: [],
    closures: [],
    legalHolds: [],
    documents: [],
    messages: [],
    ...overrides,
  };
}

const titles = (entries: ChronologyEntry[]) => entries.map((e) => e.title);
const entry = (title: string, when: ChronologyEntry["at"], kind: ChronologyEntry["kind"] = "contact"): ChronologyEntry => ({
  at: when,
  kind,
  title,
  detail: null,
  section: "",
});

describe("the order of the chronology", () => {
  it("puts a day-only event before the timed events of its day, and the timed ones by time", () => {
    const sorted = sortEntries([
      entry("3 March, 2pm", at("2026-03-03T14:00:00Z")),
      entry("3 March, day only", "2026-03-03"),
      entry("3 March, 9am", at("2026-03-03T09:00:00Z")),
      entry("2 March, 11pm", at("2026-03-02T23:00:00Z")),
      entry("4 March, day only", "2026-03-04"),
    ]);
    expect(titles(sorted)).toEqual(["2 March, 11pm", "3 March, day only", "3 March, 9am", "3 March, 2pm", "4 March, day only"]);
  });

  it("takes a moment's day in London: 11:30pm UTC in summer is the next day", () => {
    // 23:30 UTC on 1 June is 00:30 BST on 2 June: after 2 June's day-only events, not before them.
    const sorted = sortEntries([
      entry("Moment, 2 June 00:30 BST", at("2026-06-01T23:30:00Z")),
      entry("2 June", "2026-06-02"),
      entry("1 June", "2026-06-01"),
    ]);
    expect(titles(sorted)).toEqual(["1 June", "2 June", "Moment, 2 June 00:30 BST"]);
  });

  it("orders by the instant across the clock change, not by the wall clock", () => {
    // 25 October 2026: 01:30 BST (00:30 UTC) happens before 01:15 GMT (01:15 UTC), though its clock shows later.
    const sorted = sortEntries([entry("01:15 GMT", at("2026-10-25T01:15:00Z")), entry("01:30 BST", at("2026-10-25T00:30:00Z"))]);
    expect(titles(sorted)).toEqual(["01:30 BST", "01:15 GMT"]);
  });

  it("tells events at the same moment (or on the same day without a time) in the order of the process, then as listed", () => {
    const moment = at("2026-03-05T10:00:00Z");
    const sorted = sortEntries([
      entry("Email", moment, "emails"),
      entry("Document", moment, "documents"),
      entry("Decision", moment, "triage"),
      entry("Second decision", moment, "triage"),
      entry("Suspended", "2026-03-05", "employer"),
      entry("Section 47", "2026-03-05", "social-care"),
    ]);
    expect(titles(sorted)).toEqual(["Section 47", "Suspended", "Decision", "Second decision", "Document", "Email"]);
  });

  it("gives newest first as the exact reverse", () => {
    const file = records({
      initialConsideredAt: at("2026-03-02T11:00:00Z"),
      decisions: [
        { revision: 1, category: "ALLEGATION", rationale: "Harm threshold met.", decidedAt: at("2026-03-02T11:00:00Z"), decidedBy: null },
      ],
      section47: { referredAt: day("2026-03-02"), held: true, startedAt: day("2026-03-04"), result: null },
    });
    const oldest = chronology(file, []);
    expect(titles(chronology(file, [], { order: "newest" }))).toEqual(titles(oldest).reverse());
  });
});

describe("the events of a case", () => {
  const file = records({
    incidentFrom: day("2026-02-27"),
    initialConsideredAt: at("2026-03-02T10:00:00Z"),
    initialConsideredBy: { name: "Lee Officer" },
    immediateActions: ["POLICE_INFORMED"],
    allocatedAt: at("2026-03-02T09:30:00Z"),
    allocatedTo: { name: "Lee Officer" },
    decisions: [
      {
        revision: 1,
        category: "ADVICE",
        rationale: "Below the threshold.",
        decidedAt: at("2026-03-02T10:05:00Z"),
        decidedBy: { name: "Lee Officer" },
      },
      {
        revision: 2,
        category: "ALLEGATION",
        rationale: "A second child came forward.",
        decidedAt: at("2026-03-09T15:00:00Z"),
        decidedBy: null,
      },
    ],
    meetings: [
      {
        type: "EVALUATION",
        heldAt: at("2026-03-12T10:00:00Z"),
        createdAt: at("2026-03-09T15:10:00Z"),
        recordedAt: at("2026-03-12T12:00:00Z"),
        cancelledAt: null,
        cancelledReason: null,
        chair: "Lee Officer",
        decisions: "Police to investigate.",
        minutesSentAt: null,
      },
    ],
    employerAction: {
      suspended: true,
      suspendedAt: day("2026-03-10"),
      suspensionRationale: "Risk to pupils.",
      suspensionAgreedBy: "Head teacher",
      writtenConfirmationAt: day("2026-03-11"),
      suspensionReviewDates: [day("2026-04-07")],
      suspensionEndedAt: null,
      redeployedAt: null,
      returnedToWorkAt: null,
      finalAction: null,
      finalActionAt: null,
      finalActionDetail: null,
    },
    informing: [
      {
        kind: "CHILD_FEEDBACK",
        done: false,
        doneOn: null,
        byWhom: null,
        notDoneReason: "Parents asked us to wait.",
        recordedAt: at("2026-03-13T09:00:00Z"),
      },
    ],
  });

  it("lists each record's events in order, each linked to its section", () => {
    const entries = chronology(file, []);
    expect(entries.map((e) => [e.title, e.section])).toEqual([
      ["Incident (as referred)", "referral"],
      ["Contact received: Phone", ""],
      ["Allocated to Lee Officer", ""],
      ["Initial consideration by Lee Officer", ""],
      ["Threshold decision: Advice and guidance by Lee Officer", "decisions"],
      ["Decision revised (revision 2): Allegation against staff or volunteer", "decisions"],
      ["Evaluation (ASV) meeting scheduled", "meetings"],
      ["Suspended", "employer"],
      ["Suspension confirmed in writing", "employer"],
      ["Evaluation (ASV) meeting held", "meetings"],
      ["Not done: the child given feedback suited to their age", "informing"],
      ["Suspension reviewed", "employer"],
    ]);
    expect(entries.find((e) => e.title === "Suspended")).toMatchObject({
      at: "2026-03-10",
      detail: "Agreed by Head teacher. Risk to pupils.",
    });
    expect(entries.find((e) => e.title.startsWith("Initial"))?.detail).toBe("Police informed");
  });

  it("shows only the kinds asked for", () => {
    expect(titles(chronology(file, [], { kinds: ["employer", "informing"] }))).toEqual([
      "Suspended",
      "Suspension confirmed in writing",
      "Not done: the child given feedback suited to their age",
      "Suspension reviewed",
    ]);
    expect(chronology(file, [], { kinds: [] })).toHaveLength(12);
  });

  it("takes who allocated the case from the audit trail when it has the allocations", () => {
    const entries = chronology(file, [
      { at: at("2026-03-02T09:20:00Z"), to: "Sam Other", by: "Mo Manager" },
      { at: at("2026-03-02T09:30:00Z"), to: "Lee Officer", by: "Mo Manager" },
    ]);
    expect(entries.filter((e) => e.title.startsWith("Allocated")).map((e) => [e.title, e.detail])).toEqual([
      ["Allocated to Sam Other", "By Mo Manager"],
      ["Allocated to Lee Officer", "By Mo Manager"],
    ]);
  });
});
