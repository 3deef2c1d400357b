import { describe, expect, it } from "vitest";
import { safeReturnTo } from "./responses.server";

describe("safeReturnTo", () => {
  it.each([
    ["/cases", "/cases"],
    ["/cases?q=ann smith&page=2", "/cases?q=ann%20smith&page=2"],
    ["/cases/LADO-2026-00001#decisions", "/cases/LADO-2026-00001#decisions"],
    // An encoded tab stays encoded: a path on this site.
    ["/%09/evil.example", "/%09/evil.example"],
  ])("keeps a path on this site: %j", (given, kept) => {
    expect(safeReturnTo(given)).toBe(kept);
  });

  it.each([
    "//evil.example/x",
    "/\\evil.example",
    "/\t/evil.example", // browsers drop the tab: //evil.example
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/.//evil.example", // resolves to //evil.example
    "/..//evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "cases",
    "",
    `/${"x".repeat(3000)}`,
  ])("falls back for anything that could leave the site: %j", (given) => {
    expect(safeReturnTo(given, "/cases")).toBe("/cases");
  });

  it("never returns a line break, so it can always go in a Location header", () => {
    expect(safeReturnTo("/a\r\nSet-Cookie: x=1")).toBe("/aSet-Cookie:%20x=1");
  });

  it.each([null, undefined, 42, ["/cases"]])("falls back for a value that is not text: %j", (given) => {
    expect(safeReturnTo(given, "/cases")).toBe("/cases");
  });
});
