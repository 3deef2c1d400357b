import { describe, expect, it } from "vitest";
import { DecisionCategory } from "~/generated/prisma/enums";
import { harmCriteriaProblem, nextStepAfter } from "./decisions";

describe("harmCriteriaProblem", () => {
  it("asks an allegation which criteria it meets", () => {
    expect(harmCriteriaProblem("ALLEGATION", [])).toBe("Select which harm-threshold criteria the allegation meets");
    expect(harmCriteriaProblem("ALLEGATION", ["UNSUITABLE"])).toBeUndefined();
    expect(harmCriteriaProblem("ALLEGATION", ["HARMED_CHILD", "CRIMINAL_OFFENCE", "RISK_OF_HARM", "UNSUITABLE"])).toBeUndefined();
  });

  it.each(Object.values(DecisionCategory).filter((c) => c !== "ALLEGATION"))("refuses criteria on %s, and takes none", (category) => {
    expect(harmCriteriaProblem(category, [])).toBeUndefined();
    expect(harmCriteriaProblem(category, ["RISK_OF_HARM"])).toMatch(/^Harm-threshold criteria are recorded only for an allegation/);
  });
});

describe("nextStepAfter", () => {
  it("leads each decision to its next step", () => {
    expect(Object.fromEntries(Object.values(DecisionCategory).map((c) => [c, nextStepAfter(c)]))).toEqual({
      ADVICE: "advice",
      NOT_LADO: "advice",
      CAUSE_FOR_CONCERN: "cause-for-concern",
      ALLEGATION: "allegation-process",
    });
  });
});
