import { describe, expect, it } from "vitest";
import { londonIso, readRecord, recordValues, rowProblems, type RecordFacts } from "./row";

const base = { reference: "A-1", received_at: "2024-06-10", source: "phone" };
const problemsOf = (values: Record<string, string>) => {
  const read = readRecord(2, { ...base, ...values });
  return "problems" in read ? read.problems.map((p) => `${p.column}: ${p.message}`) : [];
};
const facts = (values: Record<string, string>) => {
  const read = readRecord(2, { ...base, ...values });
  if (!("facts" in read)) throw new Error(JSON.stringify(read.problems));
  return read.facts;
};

describe("reading a row", () => {
  it("takes a bare received_at as the start of that day in London, and a moment with its offset as given", () => {
    expect(facts({}).received_at.toISOString()).toBe("2024-06-09T23:00:00.000Z");
    expect(facts({ received_at: "2024-01-10" }).received_at.toISOString()).toBe("2024-01-10T00:00:00.000Z");
    expect(facts({ received_at: "2024-06-10T09:15:00+01:00" }).received_at.toISOString()).toBe("2024-06-10T08:15:00.000Z");
    expect(facts({ received_at: "2024-06-10T08:15:00Z" }).received_at.toISOString()).toBe("2024-06-10T08:15:00.000Z");
  });

  it("takes a day column given as a moment as its London day", () => {
    expect(facts({ decision: "advice", decision_at: "2024-06-10T23:30:00Z" }).decision_at).toBe("2024-06-11");
  });

  it.each([
    [{ received_at: "" }, "received_at: must not be empty"],
    [{ received_at: "10/06/2024" }, "received_at: must be a date as YYYY-MM-DD"],
    [{ received_at: "2024-06-10T09:15:00" }, "received_at: must be a date as YYYY-MM-DD"], // no offset
    [{ source: "" }, "source: must not be empty"],
    [{ subject_sector: "school" }, 'subject_sector: "school" is not one of this column\'s codes (the README lists them)'],
    [{ harm_categories: "physical;cruelty" }, 'harm_categories: "cruelty" is not one of physical, sexual, emotional, neglect, suitability'],
    [{ suspended: "maybe" }, 'suspended: "maybe" is not yes or no'],
    [{ decision: "advice" }, "decision_at: must not be empty: the day of the decision is needed with a decision"],
    [{ harm_categories: "physical" }, "harm_categories: harm categories need a decision"],
    [
      { decision: "allegation", decision_at: "2024-06-11", redirected_to: "police" },
      "redirected_to: is only for a decision of advice or not_lado",
    ],
    [{ decision: "allegation", decision_at: "2024-06-11", outcome: "false" }, "outcome_at: must not be empty"],
    [{ outcome_at: "2024-07-01" }, "outcome_at: an outcome date needs an outcome"],
    [{ police_informed_at: "2024-06-11" }, "police_informed_at: needs police_involved yes or no"],
    [{ police_involved: "no", police_concluded_at: "2024-06-11" }, "police_concluded_at: a police conclusion needs police_involved yes"],
    [
      { police_involved: "yes", police_informed_at: "2024-06-12", police_concluded_at: "2024-06-11" },
      "police_concluded_at: 2024-06-11 is before police_informed_at",
    ],
    [{ closed_at: "2024-06-09" }, "closed_at: 2024-06-09 is before received_at (2024-06-10)"],
    [
      { decision: "allegation", decision_at: "2024-06-12", outcome: "false", outcome_at: "2024-06-11" },
      "outcome_at: 2024-06-11 is before decision_at",
    ],
    [{ referrer_sector: "fostering" }, "referrer_sector: a sector needs referrer_organisation"],
    [{ subject_date_of_birth: "2024-06-10" }, "subject_date_of_birth: is not before received_at"],
    [{ reference: "x".repeat(51) }, "reference: must be 50 characters or fewer"],
  ])("refuses %j", (values, message) => {
    expect(problemsOf(values).join("\n")).toContain(message);
  });

  it("allows the police to be told and not be involved", () => {
    expect(problemsOf({ police_involved: "no", police_informed_at: "2024-06-10" })).toEqual([]);
  });

  it("writes a row back as the export does", () => {
    const written = recordValues(
      facts({
        harm_categories: "sexual;Physical",
        decision: "allegation",
        decision_at: "2024-06-10",
        subject_previous_names: " Lee ; ; Ng",
      }),
    );
    expect(written).toMatchObject({
      received_at: "2024-06-10T00:00:00+01:00",
      harm_categories: "physical;sexual",
      subject_previous_names: "Lee;Ng",
      named_professional: "yes",
      dbs_referral: "no",
      suspended: "",
    });
  });

  it("has no problems with a whole, consistent row", () => {
    const r: RecordFacts = facts({
      decision: "allegation",
      decision_at: "2024-06-10",
      outcome: "unfounded",
      outcome_at: "2024-09-01",
      closed_at: "2024-09-02",
    });
    expect(rowProblems(r)).toEqual([]);
  });
});

describe("londonIso", () => {
  it.each([
    ["2024-06-10T08:15:00.000Z", "2024-06-10T09:15:00+01:00"],
    ["2024-01-10T08:15:00.000Z", "2024-01-10T08:15:00+00:00"],
    ["2024-03-31T00:59:59.123Z", "2024-03-31T00:59:59.123+00:00"], // the hour before the clocks go forward
    ["2024-03-31T01:00:00.000Z", "2024-03-31T02:00:00+01:00"],
    ["2024-10-27T00:30:00.000Z", "2024-10-27T01:30:00+01:00"], // the repeated hour: first time round
    ["2024-10-27T01:30:00.000Z", "2024-10-27T01:30:00+00:00"], // and second
  ])("writes %s as %s, which reads back as the same moment", (iso, london) => {
    expect(londonIso(new Date(iso))).toBe(london);
    expect(new Date(london).toISOString()).toBe(iso);
  });
});
