import { describe, expect, it } from "vitest";
import { readCheckRows } from "./prior-history-csv";

const csv = (text: string) => Buffer.from(text);

describe("readCheckRows", async () => {
  it("reads Excel's CSV: a byte order mark, CRLF, quoted fields with commas and line breaks, columns in any order", async () => {
    const { rows, errors } = await readCheckRows(
      csv(
        "\uFEFFsubject_first_name,reference,subject_last_name,subject_previous_names,subject_date_of_birth,received_at\r\n" +
          '"Zoë","LADO-2019-00001","O\'Brien, the elder","Smith; Jones-Patel;",1984-03-07,2019-05-01\r\n' +
          '"Ann\r\nMarie",X-2,Khan,,,\r\n',
      ),
    );
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        reference: "LADO-2019-00001",
        subject: { firstName: "Zoë", lastName: "O'Brien, the elder", previousNames: ["Smith", "Jones-Patel"], dateOfBirth: "1984-03-07" },
        employer: null,
      },
      {
        line: 3,
        reference: "X-2",
        subject: { firstName: "Ann\r\nMarie", lastName: "Khan", previousNames: [], dateOfBirth: null },
        employer: null,
      },
    ]);
  });

  it("names each bad row's line and column, and still reads the others", async () => {
    const { rows, errors } = await readCheckRows(
      csv(
        "reference,subject_last_name,subject_date_of_birth\n" +
          'A,"Two\nlines",1984-02-30\n' +
          ",Smith,\n" +
          "C,Jones\n" +
          "\n" +
          "D,Patel,1990-12-01\n",
      ),
    );
    expect(errors).toEqual([
      {
        line: 2,
        column: "subject_date_of_birth",
        message: "must be a date as YYYY-MM-DD, such as 1984-03-07, or a date and time with its offset",
      },
      { line: 4, column: "reference", message: "must not be empty" },
      { line: 5, column: null, message: "has 2 fields where the header has 3" },
    ]);
    expect(rows.map((r) => [r.line, r.reference])).toEqual([[7, "D"]]);
  });

  it.each([
    ["reference,subject_frist_name\nA,Ann\n", 'unknown column "subject_frist_name"'],
    ["subject_first_name\nAnn\n", 'the column "reference" is missing'],
    ["reference,reference\nA,B\n", 'column "reference" given twice'],
    ["", "the file is empty: a header row is needed"],
    ['reference\n"A\n', "not readable as CSV"],
  ])("refuses %j as a whole", async (text, message) => {
    const { rows, errors } = await readCheckRows(csv(text));
    expect(rows).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain(message);
  });
});
