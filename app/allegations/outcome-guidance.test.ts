import { describe, expect, it } from "vitest";
import type { OutcomeType } from "~/generated/prisma/enums";
import { outcomeDefinitions, outcomeGuidance } from "./outcome-guidance";

const text = (lines: string[]) => lines.join(" ");

describe("the KCSIE guidance that fits the outcome", () => {
  it.each<[OutcomeType, "kept" | "removed", "included" | "never"]>([
    ["SUBSTANTIATED", "kept", "included"],
    ["UNSUBSTANTIATED", "kept", "never"],
    ["UNFOUNDED", "kept", "never"],
    ["FALSE", "kept", "never"],
    ["MALICIOUS", "removed", "never"],
  ])("%s: summary %s on the personnel file, %s in references", (outcome, file, references) => {
    const guidance = outcomeGuidance(outcome);
    if (file === "kept") {
      expect(text(guidance.personnelFile)).toContain("kept on the person's confidential personnel file");
      expect(text(guidance.personnelFile)).toContain(
        "normal pension age, or for 10 years from the date of the allegation if that is longer",
      );
    } else {
      expect(text(guidance.personnelFile)).toContain("should be removed from the person's personnel records");
      expect(text(guidance.personnelFile)).not.toContain("pension age");
    }
    if (references === "never") {
      expect(text(guidance.references)).toContain(`found to be ${outcome.toLowerCase()}, it must not be referred to in any reference`);
    } else {
      expect(text(guidance.references)).toContain("should be included");
      expect(text(guidance.references)).not.toContain("must not be referred to");
    }
  });

  it("has KCSIE's definition for each outcome", () => {
    expect(outcomeDefinitions.UNSUBSTANTIATED).toContain("implies neither guilt nor innocence");
    expect(outcomeDefinitions.MALICIOUS).toContain("deliberate act to deceive");
    expect(Object.keys(outcomeDefinitions)).toHaveLength(5);
  });
});
