import { describe, expect, it } from "vitest";
import { FirstLines } from "./references";

describe("the line each reference was first on", () => {
  it("answers a reference seen before with its first line, and a new one with nothing", () => {
    const lines = new FirstLines();
    expect(lines.firstLine("A-1", 2)).toBeUndefined();
    expect(lines.firstLine("A-2", 3)).toBeUndefined();
    expect(lines.firstLine("A-1", 4)).toBe(2);
    expect(lines.firstLine("A-1", 5)).toBe(2);
    expect(lines.firstLine("a-1", 6)).toBeUndefined();
    expect(lines.firstLine("Zoë-1", 7)).toBeUndefined();
    expect(lines.firstLine("Zoe-1", 8)).toBeUndefined();
    expect(lines.firstLine("Zoë-1", 9)).toBe(7);
  });

  it("keeps every one as it grows", () => {
    const lines = new FirstLines();
    const references = Array.from({ length: 50_000 }, (_, i) => (i % 2 ? `Zoë-${i}` : `Zoe-${i}`));
    references.push("Ω".repeat(50), "Ω".repeat(49), "");
    references.forEach((reference, i) => expect(lines.firstLine(reference, i + 2)).toBeUndefined());
    references.forEach((reference, i) => expect(lines.firstLine(reference, 1_000_000)).toBe(i + 2));
  });
});
