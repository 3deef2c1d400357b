import { describe, expect, it } from "vitest";
import { ReferrerType } from "~/generated/prisma/enums";
import { feedbackFor } from "./feedback";

describe("what a referrer hears back", () => {
  it.each([
    ["EMPLOYER", "professional"],
    ["OTHER_PROFESSIONAL", "professional"],
    ["OTHER_LADO", "professional"],
    ["REGULATOR", "professional"],
    ["PARENT_CARER", "limited"],
    ["CHILD_YOUNG_PERSON", "limited"],
    ["MEMBER_OF_PUBLIC", "limited"],
    ["SELF", "limited"],
    ["ANONYMOUS", "limited"],
  ] as const)("a referrer of type %s: %s feedback", (type, kind) => {
    expect(feedbackFor(type)).toBe(kind);
  });

  it("places every type of referrer the schema has", () => {
    for (const type of Object.values(ReferrerType)) expect(feedbackFor(type)).not.toBeNull();
  });

  it("is not known when the referrer gave no type", () => {
    expect(feedbackFor(undefined)).toBeNull();
    expect(feedbackFor(null)).toBeNull();
  });
});
