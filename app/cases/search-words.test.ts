import { describe, expect, it } from "vitest";
import { MAX_WORDS, searchWords } from "./search-words";

describe("searchWords", () => {
  it("looks for each word anywhere in a name", () => {
    expect(searchWords("Gareth hughes")).toEqual([
      { name: "%Gareth%", reference: null, number: null },
      { name: "%hughes%", reference: null, number: null },
    ]);
  });

  it("looks for a word with a digit at the start of a reference too", () => {
    expect(searchWords("lado-2026-001")).toEqual([{ name: "%lado-2026-001%", reference: "lado-2026-001%", number: null }]);
    expect(searchWords("Lado")[0]!.reference).toBeNull();
  });

  it("looks for a word shorter than three letters at the start of a name", () => {
    expect(searchWords("Li")).toEqual([{ name: "Li%", reference: null, number: null }]);
    expect(searchWords("J Smith")[0]).toEqual({ name: "J%", reference: null, number: null });
  });

  it("treats % and _ (and the escape character) as themselves", () => {
    expect(searchWords("100%")).toEqual([{ name: "%100\\%%", reference: "100\\%%", number: null }]);
    expect(searchWords("o_brien")).toEqual([{ name: "%o\\_brien%", reference: null, number: null }]);
    expect(searchWords("a\\b")).toEqual([{ name: "%a\\\\b%", reference: null, number: null }]);
  });

  it("looks for a number alone as the case number a reference ends in, without its leading zeros", () => {
    expect(searchWords("00123")[0]).toMatchObject({ reference: "00123%", number: "123" });
    expect(searchWords("123")[0]!.number).toBe("123");
    expect(searchWords("2026-00123")[0]!.number).toBeNull();
    expect(searchWords("1234567890")[0]!.number).toBeNull();
  });

  it("splits on any white space and ignores words past the fourth", () => {
    expect(searchWords("  one\ttwo   three four five ")).toHaveLength(MAX_WORDS);
    expect(searchWords("   ")).toEqual([]);
  });
});
