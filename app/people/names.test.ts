import { describe, expect, it } from "vitest";
import { personName, subjectLabel } from "./names";

describe("personName", () => {
  it.each([
    [{ firstName: "Ann", lastName: "Smith" }, "Ann Smith"],
    [{ firstName: " Ann ", lastName: null }, "Ann"],
    [{ firstName: null, lastName: "Smith" }, "Smith"],
    [{ firstName: "", lastName: "  " }, null],
    [null, null],
  ])("names %j as %j", (person, name) => {
    expect(personName(person)).toBe(name);
  });
});

describe("subjectLabel", () => {
  it("says when no professional was named, or the name was not given", () => {
    expect(subjectLabel(false, { firstName: "Ann" })).toBe("No named professional");
    expect(subjectLabel(true, null)).toBe("Name not given");
    expect(subjectLabel(true, { firstName: "Ann", lastName: "Smith" })).toBe("Ann Smith");
  });
});
