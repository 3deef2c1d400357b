import { describe, expect, it } from "vitest";
import type { OutcomeType } from "~/generated/prisma/enums";
import {
  addYearsToDay,
  deletionBlockedBy,
  employerRetention,
  ladoRetention,
  mayDelete,
  retentionAtClosure,
  type RetentionRules,
} from "./retention";

const rules: RetentionRules = {
  retentionYears: { SUBSTANTIATED: 50, UNSUBSTANTIATED: 25, UNFOUNDED: 10, FALSE: 10, MALICIOUS: 10, NO_ALLEGATION: 6 },
  normalPensionAge: 67,
  employerRecordYears: 10,
};

const day = (d: string) => new Date(`${d}T00:00:00Z`);

describe("addYearsToDay", () => {
  it.each([
    ["2026-03-03", 25, "2051-03-03"],
    ["2024-02-29", 1, "2025-02-28"], // leap day into a common year
    ["2024-02-29", 4, "2028-02-29"], // and into a leap year
    ["2024-02-29", 100, "2124-02-29"],
    ["2100-02-28", 0, "2100-02-28"],
    ["2023-12-31", 1, "2024-12-31"],
  ])("%s + %i years is %s", (from, n, expected) => {
    expect(addYearsToDay(from, n)).toBe(expected);
  });
});

describe("the LADO record's retention", () => {
  it.each<[OutcomeType | null, string, string, RegExp]>([
    [
      "SUBSTANTIATED",
      "2027-03-03T10:00:00Z",
      "2077-03-03",
      /Substantiated allegation, kept 50 years from closure on 3 March 2027: review on 3 March 2077/,
    ],
    ["UNSUBSTANTIATED", "2027-03-03T10:00:00Z", "2052-03-03", /Unsubstantiated allegation, kept 25 years/],
    ["MALICIOUS", "2027-03-03T10:00:00Z", "2037-03-03", /Malicious allegation, kept 10 years/],
    [null, "2027-03-03T10:00:00Z", "2033-03-03", /No allegation outcome, kept 6 years/],
    // Closed on a leap day: the review falls on 28 February.
    ["FALSE", "2028-02-29T12:00:00Z", "2038-02-28", /closure on 29 February 2028: review on 28 February 2038/],
    // 12:30am on 1 July in London (BST) is still 30 June in UTC: the London day counts.
    ["UNFOUNDED", "2027-06-30T23:30:00Z", "2037-07-01", /closure on 1 July 2027/],
    // Just after midnight in London in winter is the same day in UTC.
    ["UNFOUNDED", "2027-01-01T00:10:00Z", "2037-01-01", /closure on 1 January 2027/],
  ])("%s closed at %s: review on %s", (outcome, closedAt, reviewOn, basis) => {
    const found = ladoRetention(outcome, new Date(closedAt), rules);
    expect(found.reviewOn).toBe(reviewOn);
    expect(found.basis).toMatch(basis);
  });

  it("takes the years from the settings", () => {
    const longer = { retentionYears: { ...rules.retentionYears, UNSUBSTANTIATED: 30 } };
    expect(ladoRetention("UNSUBSTANTIATED", new Date("2027-03-03T10:00:00Z"), longer).reviewOn).toBe("2057-03-03");
  });
});

describe("the employer's rule (KCSIE)", () => {
  it.each<[string, OutcomeType, string, string | null, string, "PENSION_AGE" | "YEARS_FROM_ALLEGATION"]>([
    ["pension age is later", "SUBSTANTIATED", "2026-11-20T10:00:00Z", "1984-07-19", "2051-07-19", "PENSION_AGE"],
    ["10 years is later (an older person)", "UNSUBSTANTIATED", "2026-11-20T10:00:00Z", "1961-05-01", "2036-11-20", "YEARS_FROM_ALLEGATION"],
    ["born on a leap day: pension age on 28 February", "FALSE", "2026-11-20T10:00:00Z", "1988-02-29", "2055-02-28", "PENSION_AGE"],
    ["born on a leap day in 1976: 67 in 2043", "UNFOUNDED", "2026-11-20T10:00:00Z", "1976-02-29", "2043-02-28", "PENSION_AGE"],
    ["allegation on a leap day", "SUBSTANTIATED", "2028-02-29T09:00:00Z", "1958-06-01", "2038-02-28", "YEARS_FROM_ALLEGATION"],
    [
      "the allegation's London day, not UTC's (BST evening)",
      "UNFOUNDED",
      "2026-06-30T23:30:00Z",
      "1950-01-01",
      "2036-07-01",
      "YEARS_FROM_ALLEGATION",
    ],
  ])("%s", (_, outcome, allegationAt, dob, until, reason) => {
    const found = employerRetention(outcome, new Date(allegationAt), dob ? day(dob) : null, rules);
    expect(found).toMatchObject({ keep: true, until, by: reason, dateOfBirthKnown: true });
  });

  it("on the same day, says so", () => {
    // Born 20 November 1969: 67 on 20 November 2036, 10 years after an allegation on 20 November 2026.
    const found = employerRetention("SUBSTANTIATED", new Date("2026-11-20T10:00:00Z"), day("1969-11-20"), rules);
    expect(found).toMatchObject({ keep: true, until: "2036-11-20", by: "YEARS_FROM_ALLEGATION" });
    expect(found.basis).toMatch(/the same day as normal pension age \(67\) on 20 November 2036/);
  });

  it("with the date of birth unknown, counts 10 years from the allegation and says why", () => {
    const found = employerRetention("UNSUBSTANTIATED", new Date("2026-11-20T10:00:00Z"), null, rules);
    expect(found).toMatchObject({ keep: true, until: "2036-11-20", by: "YEARS_FROM_ALLEGATION", dateOfBirthKnown: false });
    expect(found.basis).toBe(
      "Employer's personnel file (KCSIE): keep until 20 November 2036, 10 years from the allegation (20 November 2026). The person's date of birth is not known, so their normal pension age (67) could not be counted: if it is later, keep the record until then.",
    );
  });

  it("removes a malicious allegation from the personnel file, whatever the dates", () => {
    for (const dob of [day("1984-07-19"), null]) {
      const found = employerRetention("MALICIOUS", new Date("2026-11-20T10:00:00Z"), dob, rules);
      expect(found).toEqual({
        keep: false,
        basis: "Employer's personnel file (KCSIE): a malicious allegation is removed from the personnel file.",
      });
    }
  });

  it("takes pension age and years from the settings", () => {
    const found = employerRetention("SUBSTANTIATED", new Date("2026-11-20T10:00:00Z"), day("1970-01-10"), {
      normalPensionAge: 68,
      employerRecordYears: 15,
    });
    expect(found).toMatchObject({ until: "2041-11-20", by: "YEARS_FROM_ALLEGATION" });
    expect(found.basis).toMatch(/15 years from the allegation .* later than normal pension age \(68\) on 10 January 2038/);
  });
});

describe("retention at closure", () => {
  it("sets the LADO record's review date, with both rules in the basis", () => {
    const set = retentionAtClosure(
      {
        outcome: "SUBSTANTIATED",
        closedAt: new Date("2027-03-03T10:00:00Z"),
        allegationAt: new Date("2026-11-20T10:00:00Z"),
        dateOfBirth: day("1984-07-19"),
      },
      rules,
    );
    expect(set.retentionReviewDate).toEqual(day("2077-03-03"));
    expect(set.retentionBasis).toBe(
      "LADO record: Substantiated allegation, kept 50 years from closure on 3 March 2027: review on 3 March 2077. " +
        "Employer's personnel file (KCSIE): keep until normal pension age (67) on 19 July 2051, later than 10 years from the allegation (20 November 2026), 20 November 2036.",
    );
  });

  it("without an outcome, has no employer's rule", () => {
    const set = retentionAtClosure(
      { outcome: null, closedAt: new Date("2027-03-03T10:00:00Z"), allegationAt: new Date("2026-11-20T10:00:00Z"), dateOfBirth: null },
      rules,
    );
    expect(set.retentionReviewDate).toEqual(day("2033-03-03"));
    expect(set.retentionBasis).toBe(
      "LADO record: No allegation outcome, kept 6 years from closure on 3 March 2027: review on 3 March 2033.",
    );
  });
});

describe("what blocks deletion", () => {
  const closed = { closedAt: new Date("2027-03-03T10:00:00Z"), retentionReviewDate: day("2033-03-03"), holds: [] };
  const hold = (fields: Partial<{ caseId: string | null; liftedAt: Date | null }>) => ({
    reason: "Public inquiry retention direction",
    caseId: "c1",
    liftedAt: null,
    ...fields,
  });

  it.each([
    ["open", { ...closed, closedAt: null }, "2040-01-01", [{ kind: "OPEN" }]],
    ["closed without a review date", { ...closed, retentionReviewDate: null }, "2040-01-01", [{ kind: "NO_RETENTION_DATE" }]],
    ["before the review date", closed, "2033-03-02", [{ kind: "RETENTION", until: "2033-03-03" }]],
    ["on the review date", closed, "2033-03-03", []],
    ["after it", closed, "2040-01-01", []],
    [
      "under a legal hold on the case",
      { ...closed, holds: [hold({})] },
      "2040-01-01",
      [{ kind: "LEGAL_HOLD", reason: "Public inquiry retention direction", wholeService: false }],
    ],
    [
      "under a legal hold on every record",
      { ...closed, holds: [hold({ caseId: null })] },
      "2040-01-01",
      [{ kind: "LEGAL_HOLD", reason: "Public inquiry retention direction", wholeService: true }],
    ],
    ["after its legal hold was lifted", { ...closed, holds: [hold({ liftedAt: new Date("2035-01-01T00:00:00Z") })] }, "2040-01-01", []],
    [
      "open, before its date and held",
      { closedAt: null, retentionReviewDate: null, holds: [hold({})] },
      "2040-01-01",
      [{ kind: "OPEN" }, { kind: "LEGAL_HOLD", reason: "Public inquiry retention direction", wholeService: false }],
    ],
  ] as const)("%s", (_, facts, today, blocks) => {
    expect(deletionBlockedBy(facts as never, today)).toEqual(blocks);
    expect(mayDelete(facts as never, today)).toBe(blocks.length === 0);
  });
});
