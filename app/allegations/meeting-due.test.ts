// The meeting due-date rules, with a table of dates: weekends, Christmas and
// Easter bank holidays, and the weeks the clocks change (29 March and 25
// October 2026).
import { describe, expect, it } from "vitest";
import { enquiriesOpen, evaluationDueOn, nextMeetingDue, policeEnquiryOpen, type MeetingDueFacts } from "./meeting-due";

// England and Wales, late 2025 to early 2027.
const holidays = new Set([
  "2025-12-25",
  "2025-12-26",
  "2026-01-01",
  "2026-04-03", // Good Friday
  "2026-04-06", // Easter Monday
  "2026-05-04",
  "2026-05-25",
  "2026-08-31",
  "2026-12-25",
  "2026-12-28", // Boxing Day, substitute day
  "2027-01-01",
]);
const rules = { evaluationMeetingWorkingDays: 5, reviewMeetingWeeks: 4 };

const open: MeetingDueFacts = {
  receivedAt: new Date("2026-11-23T10:00:00Z"),
  meetings: [],
  police: null,
  section47: null,
  employerInvestigation: null,
  hasOutcome: false,
  closed: false,
};

const held = (heldAt: string, nextReviewDate: string | null = null) => ({
  type: "EVALUATION" as const,
  heldAt: new Date(heldAt),
  recordedAt: new Date(heldAt),
  cancelledAt: null,
  nextReviewDate,
});

describe("the evaluation meeting: 5 working days from the referral", () => {
  it.each([
    ["Monday 10am, an ordinary week", "2026-11-23T10:00:00Z", "2026-11-30"],
    ["Monday at midnight: counts Monday as the first day", "2026-11-30T00:00:00Z", "2026-12-04"],
    ["the week before Christmas: Christmas Day and the Boxing Day substitute skipped", "2026-12-21T10:00:00Z", "2026-12-30"],
    ["on Christmas Day: from Tuesday 29th, skipping New Year's Day", "2026-12-25T09:00:00Z", "2027-01-05"],
    ["the Thursday before Easter: Good Friday and Easter Monday skipped", "2026-04-02T13:00:00Z", "2026-04-13"],
    ["Friday 11:30pm before the clocks go forward (and Easter)", "2026-03-27T23:30:00Z", "2026-04-07"],
    ["Sunday 12:30am GMT, the night the clocks go forward", "2026-03-29T00:30:00Z", "2026-04-07"],
    ["Friday 11:30pm BST before the clocks go back", "2026-10-23T22:30:00Z", "2026-10-30"],
    ["Sunday 12:30am BST, the night the clocks go back", "2026-10-24T23:30:00Z", "2026-10-30"],
    ["a Saturday", "2026-11-28T14:00:00Z", "2026-12-04"],
  ])("%s", (_, receivedAt, dueOn) => {
    expect(evaluationDueOn(new Date(receivedAt), 5, holidays)).toBe(dueOn);
    expect(nextMeetingDue({ ...open, receivedAt: new Date(receivedAt) }, new Date(receivedAt), rules, holidays)).toEqual({
      kind: "EVALUATION",
      dueOn,
      overdue: false,
    });
  });

  it("follows the configured number of working days", () => {
    expect(evaluationDueOn(new Date("2026-12-21T10:00:00Z"), 1, holidays)).toBe("2026-12-22");
    expect(evaluationDueOn(new Date("2026-12-24T10:00:00Z"), 1, holidays)).toBe("2026-12-29");
  });

  it.each([
    ["the day it is due, late evening in GMT", "2026-11-30T23:30:00Z", "2026-11-23T10:00:00Z", false],
    ["the next morning", "2026-12-01T08:00:00Z", "2026-11-23T10:00:00Z", true],
    ["half past midnight BST the day after (still the due day in UTC)", "2026-04-07T23:30:00Z", "2026-03-27T23:30:00Z", true],
    ["11:30pm BST on the due day", "2026-04-07T22:30:00Z", "2026-03-27T23:30:00Z", false],
  ])("overdue only once the day has passed in London: %s", (_, now, receivedAt, overdue) => {
    expect(nextMeetingDue({ ...open, receivedAt: new Date(receivedAt) }, new Date(now), rules, holidays)?.overdue).toBe(overdue);
  });

  it("stays due while the meeting is only scheduled, or was cancelled", () => {
    const scheduled = { ...held("2026-11-27T10:00:00Z"), recordedAt: null };
    const cancelled = { ...held("2026-11-26T10:00:00Z"), cancelledAt: new Date("2026-11-25T09:00:00Z") };
    const due = nextMeetingDue({ ...open, meetings: [scheduled, cancelled] }, new Date("2026-12-02T10:00:00Z"), rules, holidays);
    expect(due).toEqual({ kind: "EVALUATION", dueOn: "2026-11-30", overdue: true });
  });
});

describe("review meetings: every 4 weeks after the last held meeting while an enquiry is open", () => {
  it.each([
    ["an ordinary Monday, the next after the clocks go forward", "2026-03-02T11:00:00Z", null, "2026-03-30"],
    ["four weeks on is the Boxing Day substitute: the Thursday before", "2026-11-30T11:00:00Z", null, "2026-12-24"],
    ["four weeks on is Good Friday: the Thursday before", "2026-03-06T11:00:00Z", null, "2026-04-02"],
    ["held at 12:30am BST on a Tuesday, across the clocks going back", "2026-10-05T23:30:00Z", null, "2026-11-03"],
    ["the meeting's earlier next review date wins", "2026-03-02T11:00:00Z", "2026-03-16", "2026-03-16"],
    ["a later next review date does not", "2026-03-02T11:00:00Z", "2026-04-20", "2026-03-30"],
  ])("%s", (_, heldAt, nextReview, dueOn) => {
    const facts = { ...open, meetings: [held(heldAt, nextReview)] };
    expect(nextMeetingDue(facts, new Date(heldAt), rules, holidays)).toEqual({ kind: "REVIEW", dueOn, overdue: false });
  });

  it("counts from the last held meeting, and the configured weeks", () => {
    const facts = { ...open, meetings: [held("2026-05-11T10:00:00Z", "2026-05-18"), held("2026-03-02T10:00:00Z")] };
    expect(nextMeetingDue(facts, new Date("2026-06-09T10:00:00Z"), rules, holidays)).toEqual({
      kind: "REVIEW",
      dueOn: "2026-05-18",
      overdue: true,
    });
    const twoWeeks = nextMeetingDue(
      { ...open, meetings: [held("2026-05-11T10:00:00Z")] },
      new Date(),
      { ...rules, reviewMeetingWeeks: 2 },
      holidays,
    );
    expect(twoWeeks?.dueOn).toBe("2026-05-22");
  });

  const outcome = { ...open, hasOutcome: true, meetings: [held("2026-03-02T11:00:00Z")] };
  it.each([
    ["no outcome yet", { hasOutcome: false }, true],
    ["an outcome and nothing else open", {}, false],
    ["police investigating", { police: { status: "INVESTIGATING" as const } }, true],
    ["police: charged", { police: { status: "CHARGED" as const } }, true],
    ["police: court", { police: { status: "COURT" as const } }, true],
    ["police: no further action", { police: { status: "NFA" as const } }, false],
    ["police not involved", { police: { status: "NOT_INVOLVED" as const } }, false],
    ["a section 47 enquiry without a result", { section47: { held: true, result: null } }, true],
    ["a section 47 enquiry with its result", { section47: { held: true, result: "No further action" } }, false],
    ["no section 47 enquiry", { section47: { held: false, result: null } }, false],
    ["the employer's investigation in progress", { employerInvestigation: { status: "IN_PROGRESS" as const } }, true],
    ["the employer's investigation paused for the police", { employerInvestigation: { status: "PAUSED_FOR_POLICE" as const } }, true],
    ["the employer's investigation concluded", { employerInvestigation: { status: "CONCLUDED" as const } }, false],
  ])("%s: a review due %s", (_, change, due) => {
    const facts = { ...outcome, ...change };
    expect(enquiriesOpen(facts)).toBe(due);
    expect(nextMeetingDue(facts, new Date("2026-03-03T10:00:00Z"), rules, holidays)?.kind ?? null).toBe(due ? "REVIEW" : null);
  });

  it("has nothing due on a closed case", () => {
    expect(nextMeetingDue({ ...open, closed: true }, new Date(), rules, holidays)).toBeNull();
    expect(nextMeetingDue({ ...outcome, closed: true, police: { status: "COURT" } }, new Date(), rules, holidays)).toBeNull();
  });

  it("treats every police status but not involved, no further action and concluded as open", () => {
    expect(
      (
        [
          "NOT_INVOLVED",
          "CONSIDERING",
          "INVESTIGATING",
          "RELEASED_UNDER_INVESTIGATION",
          "ON_BAIL",
          "AWAITING_CHARGING_DECISION",
          "CHARGED",
          "NFA",
          "COURT",
          "CONCLUDED",
        ] as const
      ).filter(policeEnquiryOpen),
    ).toEqual([
      "CONSIDERING",
      "INVESTIGATING",
      "RELEASED_UNDER_INVESTIGATION",
      "ON_BAIL",
      "AWAITING_CHARGING_DECISION",
      "CHARGED",
      "COURT",
    ]);
  });
});
