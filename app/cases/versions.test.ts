import { describe, expect, it } from "vitest";
import { changedFields } from "./versions.server";

describe("changedFields", () => {
  it("names the fields whose values differ, comparing dates by time and lists by item", () => {
    const before = { status: "OPEN", dueDate: new Date("2026-03-01"), tags: ["A", "B"], note: null as string | null };
    expect(changedFields(before, { status: "OPEN", dueDate: new Date("2026-03-01"), tags: ["A", "B"], note: undefined })).toEqual([]);
    expect(changedFields(before, { status: "DONE", dueDate: new Date("2026-03-02"), tags: ["B", "A"], note: "x" })).toEqual([
      "status",
      "dueDate",
      "tags",
      "note",
    ]);
  });
  it("counts every given field as changed when there was no record", () => {
    expect(changedFields(null, { status: "OPEN", note: null })).toEqual(["status"]);
  });
});
