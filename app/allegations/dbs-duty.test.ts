import { describe, expect, it } from "vitest";
import type { EmployerFinalAction, OutcomeType } from "~/generated/prisma/enums";
import { dbsDuty, dbsPromptShown } from "./dbs-duty";

const facts = (outcome: OutcomeType | null, finalAction: EmployerFinalAction | null, personResigned = false, referredToDbs = false) => ({
  outcome,
  finalAction,
  personResigned,
  referredToDbs,
});

describe("the duty to refer to the DBS", () => {
  it.each<[OutcomeType | null, EmployerFinalAction | null, boolean, boolean]>([
    ["SUBSTANTIATED", "DISMISSAL", false, true],
    ["SUBSTANTIATED", "CEASED_TO_USE", false, true],
    ["SUBSTANTIATED", "DEREGISTRATION", false, true],
    ["SUBSTANTIATED", "RESIGNED", false, true],
    // Resigned before the outcome, the employer's final action not yet recorded.
    ["SUBSTANTIATED", null, true, true],
    ["SUBSTANTIATED", "FINAL_WARNING", true, true],
    // Still in regulated activity: no duty.
    ["SUBSTANTIATED", "FINAL_WARNING", false, false],
    ["SUBSTANTIATED", "WRITTEN_WARNING", false, false],
    ["SUBSTANTIATED", "TRAINING", false, false],
    ["SUBSTANTIATED", "NONE", false, false],
    ["SUBSTANTIATED", null, false, false],
    // Not substantiated: no duty, whatever the employer did.
    ["UNSUBSTANTIATED", "DISMISSAL", false, false],
    ["UNSUBSTANTIATED", "RESIGNED", true, false],
    ["UNFOUNDED", "CEASED_TO_USE", false, false],
    ["FALSE", "DEREGISTRATION", false, false],
    ["MALICIOUS", "DISMISSAL", false, false],
    [null, "DISMISSAL", false, false],
  ])("%s, final action %s, resigned %s: applies %s", (outcome, finalAction, resigned, applies) => {
    expect(dbsDuty(facts(outcome, finalAction, resigned)).applies).toBe(applies);
    expect(dbsPromptShown(facts(outcome, finalAction, resigned))).toBe(applies);
  });

  it("says why: removed, or would have been had they not left", () => {
    expect(dbsDuty(facts("SUBSTANTIATED", "DISMISSAL"))).toEqual({
      applies: true,
      referred: false,
      reason: "The allegation is substantiated and the employer removed the person from regulated activity",
    });
    expect(dbsDuty(facts("SUBSTANTIATED", "RESIGNED"))).toMatchObject({ reason: expect.stringContaining("had they not left") });
  });

  it("stops prompting once a DBS referral is recorded, the duty still shown as met", () => {
    expect(dbsPromptShown(facts("SUBSTANTIATED", "DISMISSAL", false, true))).toBe(false);
    expect(dbsDuty(facts("SUBSTANTIATED", "DISMISSAL", false, true))).toMatchObject({ applies: true, referred: true });
  });
});
