import { describe, expect, it } from "vitest";
import { caseStage } from "./stage";

const closure = (over: Partial<{ signedOffAt: Date | null; returnedReason: string | null; reopenedAt: Date | null }>) => ({
  signedOffAt: null,
  returnedReason: null,
  reopenedAt: null,
  ...over,
});

describe("caseStage", () => {
  it("awaits a decision until one is recorded", () => {
    expect(caseStage([], [])).toBe("AWAITING_DECISION");
  });
  it("follows the newest decision revision", () => {
    expect(caseStage([{ category: "ALLEGATION" }, { category: "ADVICE" }], [])).toBe("ALLEGATION");
  });
  it("is closed once a closure is signed off", () => {
    expect(caseStage([{ category: "ALLEGATION" }], [closure({ signedOffAt: new Date() })])).toBe("CLOSED");
  });
  it("shows a proposal waiting for sign-off", () => {
    expect(caseStage([{ category: "ADVICE" }], [closure({})])).toBe("CLOSURE_PROPOSED");
  });
  it("goes back to the decision when the manager returns the proposal", () => {
    expect(caseStage([{ category: "CAUSE_FOR_CONCERN" }], [closure({ returnedReason: "Outcome letter missing" })])).toBe(
      "CAUSE_FOR_CONCERN",
    );
  });
  it("is open again after a reopening", () => {
    expect(caseStage([{ category: "ALLEGATION" }], [closure({ signedOffAt: new Date(), reopenedAt: new Date() })])).toBe("ALLEGATION");
  });
});
