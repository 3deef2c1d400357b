// Children's social care on an allegation: whether a section 47 enquiry
// was held, and what it found.
import type { Prisma } from "~/db.server";
import type { CaseFacts } from "./contacts";
import { between, chance, dateOnly, officeTime, pick, type RecordFields } from "./shared";

export type Section47Fields = RecordFields<Prisma.Section47EnquiryCreateManyInput>;

export function section47Data(c: CaseFacts, fields: Section47Fields) {
  const held = fields.held ?? chance(0.6);
  return {
    held,
    startedAt: held ? dateOnly(officeTime(c.receivedAt, between(1, 3))) : null,
    result: held
      ? pick([
          "Concerns not substantiated; no further social care action.",
          "Child in need plan put in place.",
          "Concerns substantiated; initial child protection conference held.",
        ])
      : "Strategy discussion held; threshold for a section 47 enquiry not met.",
    ...fields,
  };
}
