// How a person is named on a page: the one place that joins names.

type Named = { firstName?: string | null; lastName?: string | null } | null | undefined;

/** Who the subject of a case is, as a record of them reads it: their names, date of birth and sex. */
export const subjectIdentitySelect = { firstName: true, lastName: true, previousNames: true, dateOfBirth: true, sex: true } as const;

/** "Ann Smith", or null when no part of the name is known. */
export function personName(person: Named): string | null {
  const name = [person?.firstName, person?.lastName]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(" ");
  return name || null;
}

/** The subject of a case as a list or header shows them. */
export function subjectLabel(namedProfessional: boolean, subject: Named): string {
  if (!namedProfessional) return "No named professional";
  return personName(subject) ?? "Name not given";
}
