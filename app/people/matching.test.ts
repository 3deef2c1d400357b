import { describe, expect, it } from "vitest";
import {
  assessCandidate,
  compareDates,
  editDistance,
  groupByIdentity,
  nameKey,
  nameParts,
  surnameKeys,
  type PersonFacts,
  type Sounds,
} from "./matching";

// What PostgreSQL's dmetaphone() answers for these keys (tests/prior-history.test.ts
// runs the same pairs through the database).
const sounds: Sounds = {
  smith: "SM0",
  smyth: "SM0",
  stephen: "STFN",
  steven: "STFN",
  mohammed: "MHMT",
  muhammad: "MHMT",
  mohamed: "MHMT",
  catherine: "K0RN",
  kathryn: "K0RN",
  jon: "JN",
  john: "JN",
  obrien: "APRN",
  jose: "HS",
  jones: "JNS",
  patel: "PTL",
  okafor: "AKFR",
  ahmed: "AMT",
  hughes: "HJS",
  khan: "KN",
  mark: "MRK",
};

const person = (first: string | null, last: string | null, more: Partial<PersonFacts> = {}): PersonFacts => ({
  firstName: first,
  lastName: last,
  previousNames: [],
  dateOfBirth: "1984-03-07",
  employerId: "school",
  ...more,
});

describe("nameKey", () => {
  it.each([
    ["O'Brien", "obrien"],
    ["OBRIEN", "obrien"],
    ["José", "jose"],
    ["  Zoë ", "zoe"],
    ["Łukasz", "lukasz"],
    ["Søren", "soren"],
    ["Weiß", "weiss"],
    ["Smith-Jones", "smithjones"],
    ["Mary Ann", "maryann"],
    ["D’Souza", "dsouza"],
    ["", null],
    ["'-", null],
    [null, null],
  ])("%j is %j", (name, key) => {
    expect(nameKey(name)).toBe(key);
  });

  it("splits double-barrelled and several-word surnames, leaving out particles", () => {
    expect(nameParts("Smith-Jones")).toEqual(["smith", "jones"]);
    expect(nameParts("van der Berg")).toEqual(["berg"]);
    expect(nameParts("Smith")).toEqual([]);
    expect(surnameKeys("Okafor-Smith", ["Jones"])).toEqual(["okaforsmith", "okafor", "smith", "jones"]);
  });

  it("counts a swap of neighbouring letters as one edit", () => {
    expect(editDistance("smith", "smtih")).toBe(1);
    expect(editDistance("smith", "smith")).toBe(0);
    expect(editDistance("kowalski", "kowalsky")).toBe(1);
    expect(editDistance("jones", "james")).toBe(2);
  });
});

describe("compareDates", () => {
  it.each([
    ["1984-03-07", "1984-03-07", "equal"],
    ["1984-03-07", "1984-07-03", "close"],
    ["1984-03-07", "1985-03-07", "close"],
    ["1984-03-07", "1990-11-21", "different"],
    [null, "1984-03-07", "unknown"],
  ] as const)("%s and %s are %s", (a, b, relation) => {
    expect(compareDates(a, b)).toBe(relation);
  });
});

describe("assessCandidate: variants that must match", () => {
  const earlier = person("Stephen", "Smith");
  it.each([
    ["case", person("STEPHEN", "smith"), "strong", ["First name equal", "Surname equal", "Date of birth equal", "Same employer"]],
    ["a typo in the surname", person("Stephen", "Smtih"), "strong", ["Surname spelled like (typo)"]],
    ["a typo in the first name", person("Stpehen", "Smith"), "strong", ["First name spelled like (typo)"]],
    ["sounds-alike first name", person("Steven", "Smith"), "strong", ["First name sounds like"]],
    ["sounds-alike surname", person("Stephen", "Smyth"), "strong", ["Surname sounds like"]],
    ["first and last swapped", person("Smith", "Stephen"), "strong", ["First and last names swapped"]],
    [
      "a married name, the old one given as a previous name",
      person("Stephen", "Jones", { previousNames: ["Smith"] }),
      "strong",
      ["Previous name equals surname"],
    ],
    ["a double-barrelled surname", person("Stephen", "Smith-Jones"), "strong", ["Surname shares a part (double-barrelled)"]],
    ["no date of birth, same employer, exact names", person("Stephen", "Smith", { dateOfBirth: null }), "strong", ["Same employer"]],
    [
      "no date of birth, another employer",
      person("Stephen", "Smith", { dateOfBirth: null, employerId: "club" }),
      "possible",
      ["Surname equal"],
    ],
    [
      "day and month swapped in the date of birth",
      person("Stephen", "Smith", { dateOfBirth: "1984-07-03" }),
      "possible",
      ["Date of birth close (one digit, or day and month swapped)"],
    ],
    ["an initial for the first name", person("S", "Smith"), "possible", ["Same first initial"]],
    [
      "a married name not given as previous, same date of birth",
      person("Stephen", "Okafor"),
      "possible",
      ["First name equal", "Date of birth equal"],
    ],
  ] as const)("%s", (_, later, strength, reasons) => {
    const found = assessCandidate(later, earlier, sounds);
    expect(found?.strength).toBe(strength);
    expect(found?.reasons.map((r) => r.detail)).toEqual(expect.arrayContaining([...reasons]));
  });

  it.each([
    ["O'Brien", "OBrien"],
    ["José", "Jose"],
    ["Mohammed", "Muhammad"],
    ["Mohamed", "Mohammed"],
    ["Catherine", "Kathryn"],
    ["Jon", "John"],
  ])("%s and %s are the same first name", (a, b) => {
    const found = assessCandidate(person(a, "Patel"), person(b, "Patel"), sounds);
    expect(found?.strength).toBe("strong");
  });

  it("takes the earlier record's previous name as the later surname too", () => {
    const found = assessCandidate(person("Amina", "Okafor"), person("Amina", "Khan", { previousNames: ["Okafor"] }), sounds);
    expect(found?.reasons.map((r) => r.detail)).toContain("Surname equals their previous name");
    expect(found?.strength).toBe("strong");
  });

  it("scores the closer match higher", () => {
    const earlier = person("Mark", "Jones");
    const score = (later: PersonFacts) => assessCandidate(later, earlier, sounds)!.score;
    expect(score(person("Mark", "Jones"))).toBe(1);
    expect(score(person("Mark", "Jones"))).toBeGreaterThan(score(person("Mark", "Jnoes")));
    expect(score(person("Mark", "Jnoes"))).toBeGreaterThan(score(person("Mark", "Jones", { dateOfBirth: null, employerId: null })));
    expect(score(person("Mark", "Jones", { dateOfBirth: null, employerId: null }))).toBeGreaterThan(
      score(person("Mark", "Jones", { dateOfBirth: "1990-11-21", employerId: null })),
    );
  });
});

describe("assessCandidate: variants that must not match, or not strongly", () => {
  it.each([
    ["another first name", person("Ahmed", "Smith"), person("Stephen", "Smith", { dateOfBirth: null, employerId: null })],
    ["another surname, another date of birth", person("Stephen", "Hughes", { dateOfBirth: "1990-11-21" }), person("Stephen", "Smith")],
    ["names that only share a first letter", person("Mark", "Khan"), person("Mohammed", "Kowalski")],
    [
      "a typo that changes the first letter",
      person("Stephen", "Mith", { employerId: null, dateOfBirth: null }),
      person("Stephen", "Smith"),
    ],
  ])("%s", (_, later, earlier) => {
    expect(assessCandidate(later, earlier, sounds)).toBeNull();
  });

  it("never calls a same-name stranger with another date of birth strong", () => {
    const found = assessCandidate(
      person("Stephen", "Smith", { dateOfBirth: "1990-11-21", employerId: "club" }),
      person("Stephen", "Smith"),
      sounds,
    );
    expect(found?.strength).toBe("possible");
    expect(found?.reasons.map((r) => r.detail)).toContain("Date of birth differs");
  });

  it("does not call exact names with no date of birth and another employer strong", () => {
    expect(
      assessCandidate(person("Stephen", "Smith", { dateOfBirth: null }), person("Stephen", "Smith", { employerId: "club" }), sounds)
        ?.strength,
    ).toBe("possible");
  });
});

describe("groupByIdentity", () => {
  const at = (day: number) => new Date(Date.UTC(2026, 0, day));
  it("shows each identity once, its contacts best first, groups in order of their best, at most the limit", () => {
    const groups = groupByIdentity(
      [
        { id: "a1", identityId: "A", score: 0.6, strength: "possible" as const, receivedAt: at(1) },
        { id: "b1", identityId: "B", score: 0.8, strength: "possible" as const, receivedAt: at(2) },
        { id: "a2", identityId: "A", score: 0.9, strength: "strong" as const, receivedAt: at(3) },
        { id: "c1", identityId: "C", score: 0.8, strength: "strong" as const, receivedAt: at(1) },
      ],
      2,
    );
    expect(groups.map((g) => [g.identityId, g.members.map((m) => m.id)])).toEqual([
      ["A", ["a2", "a1"]],
      ["C", ["c1"]],
    ]);
  });
});
