import { describe, expect, it } from "vitest";
import { csvCell, csvLine } from "./csv";

describe("CSV for Excel", () => {
  it.each([
    ["plain", "plain"],
    ["", ""],
    ["Zoë Ćwik, DSL", '"Zoë Ćwik, DSL"'],
    ['She said "no"', '"She said ""no"""'],
    ["two\nlines", '"two\nlines"'],
    ["two\r\nlines", '"two\nlines"'],
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ["+44 20 7946 0000", "'+44 20 7946 0000"],
    ["-1", "'-1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", '"\'\ncmd"'],
    [" padded ", '" padded "'],
    ["a=b", "a=b"],
  ])("%j becomes %s", (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it("leaves null and undefined empty, and ends a line with CRLF", () => {
    expect(csvLine(["a", null, undefined, "b"])).toBe("a,,,b\r\n");
  });
});
