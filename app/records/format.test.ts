import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { ContactSource, Sector } from "~/generated/prisma/enums";
import { codeOf, codesOf, COLUMN_NAMES, formatReference, REQUIRED_COLUMNS, templateCsv, valueOfCode } from "./format";
import { readRecord } from "./row";

describe("the records format", () => {
  it("has the issue's columns, three of them required", () => {
    expect(COLUMN_NAMES).toHaveLength(29);
    expect(REQUIRED_COLUMNS).toEqual(["reference", "received_at", "source"]);
  });

  it("makes codes from the app's own lists, and reads them back in any case", () => {
    expect(codesOf(ContactSource)).toEqual(["online_form", "phone", "email", "letter", "in_person", "front_door"]);
    expect(codeOf(Sector.EARLY_YEARS_NURSERY)).toBe("early_years_nursery");
    expect(valueOfCode(Sector, "primary_school")).toBe("PRIMARY_SCHOOL");
    expect(valueOfCode(Sector, "Primary_School")).toBe("PRIMARY_SCHOOL");
    expect(valueOfCode(Sector, "primary school")).toBeUndefined();
    expect(valueOfCode(Sector, "constructor")).toBeUndefined();
  });

  it("offers a template: the header and an example row that reads without a problem", () => {
    const template = templateCsv();
    expect(template.startsWith("\uFEFF")).toBe(true);
    expect(template.split("\r\n")).toHaveLength(3);
    const [header, example] = parse(template, { bom: true }) as string[][];
    expect(header).toEqual(COLUMN_NAMES);
    const values = Object.fromEntries(header!.map((name, i) => [name, example![i]!]));
    expect(readRecord(2, values)).toMatchObject({
      facts: { reference: "LADO-2019-00042", subject_first_name: "Zoë", subject_last_name: "O'Brien" },
    });
  });

  it("documents every column and every code", () => {
    const reference = formatReference();
    for (const name of COLUMN_NAMES) expect(reference).toContain(`| \`${name}\` |`);
    for (const code of codesOf(Sector)) expect(reference).toContain(`\`${code}\``);
  });
});
