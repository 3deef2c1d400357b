// How each answer reads back on a check-your-answers page: its question and
// its value as the person would say it, from the values as typed.
import { allegationMadeByLabels, referrerTypeLabels, yesNoUnknownLabels } from "~/contacts/labels";
import { employmentBasisLabels, ethnicGroupLabels, roleGroupLabels, sectorLabels, sexLabels } from "~/people/labels";
import { harmCategoryLabels } from "~/triage/labels";
import type { FormValues } from "~/utils/forms.server";

type Kind = "text" | "date" | "yes-no" | Record<string, string>;
type Row = [field: string, question: string, kind: Kind];

const yesNoLabels = { yes: "Yes", no: "No" };

export const answerRows: Record<string, Row[]> = {
  "who-you-are": [["referrerType", "You are", referrerTypeLabels]],
  "about-you": [
    ["referrerName", "Name", "text"],
    ["referrerRole", "Role", "text"],
    ["organisationName", "Organisation", "text"],
    ["organisationSector", "Type of organisation", sectorLabels],
    ["referrerPhone", "Telephone", "text"],
    ["referrerEmail", "Email", "text"],
    ["seniorManagerAware", "Senior manager knows", yesNoUnknownLabels],
  ],
  person: [
    ["namedProfessional", "Name given", { yes: "Yes", no: "Advice only for now" }],
    ["subjectFirstName", "First name", "text"],
    ["subjectLastName", "Last name", "text"],
    ["subjectPreviousNames", "Previous names", "text"],
    ["subjectDateOfBirth", "Date of birth", "date"],
    ["subjectSex", "Sex", sexLabels],
    ["subjectEthnicGroup", "Ethnic group", ethnicGroupLabels],
    ["subjectAddress", "Address", "text"],
    ["subjectJobTitle", "Job title or role", "text"],
    ["subjectRoleGroup", "Kind of role", roleGroupLabels],
    ["subjectEmployer", "Works or volunteers at", "text"],
    ["subjectEmployerSector", "Type of setting", sectorLabels],
    ["subjectEmployerArea", "Local authority area", "text"],
    ["subjectEmploymentBasis", "Employed as", employmentBasisLabels],
    ["subjectAgency", "Agency", "text"],
    ["subjectFosteringService", "Fostering service", "text"],
    ["subjectStartDate", "Started", "date"],
    ["subjectOtherWork", "Other work with children", "text"],
    ["subjectOwnChildren", "Own children or children cared for", "text"],
    ["subjectPreviousConcerns", "Previous concerns", "text"],
  ],
  "what-happened": [
    ["harmCategories", "Kind of concern", harmCategoryLabels],
    ["happenedOnline", "Online", yesNoLabels],
    ["followedRestraint", "During physical intervention or restraint", yesNoLabels],
    ["incidentDate", "When", "date"],
    ["incidentToDate", "Until", "date"],
    ["moreThanOneIncident", "More than once", yesNoLabels],
    ["employerAwareDate", "Organisation found out", "date"],
    ["incidentLocation", "Where", "text"],
    ["summary", "What happened", "text"],
    ["allegationMadeBy", "Raised by", allegationMadeByLabels],
    ["allegationMadeByDetail", "Their role or relationship", "text"],
  ],
  actions: [
    ["policeInformed", "Police told", yesNoUnknownLabels],
    ["policeReference", "Police reference", "text"],
    ["socialCareInformed", "Social care told", yesNoUnknownLabels],
    ["parentsInformed", "Parents or carers told", yesNoUnknownLabels],
    ["subjectAware", "Person knows", yesNoUnknownLabels],
    ["suspendedOrRedeployed", "Suspended or moved", yesNoUnknownLabels],
    ["actionsSoFar", "Anything else done", "text"],
  ],
};

const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function show(value: string | string[] | undefined, kind: Kind): string {
  if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) return "";
  const list = Array.isArray(value) ? value : [value];
  if (kind === "text") return list.join(", ");
  if (kind === "date") {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(list[0]!);
    return m ? `${Number(m[3])} ${months[Number(m[2]) - 1] ?? m[2]} ${m[1]}` : list[0]!;
  }
  const labels = kind === "yes-no" ? yesNoLabels : kind;
  return list.map((v) => (labels as Record<string, string>)[v] ?? v).join(", ");
}

/** [question, answer] rows for a page's values; unanswered questions are left out. */
export function answersFor(page: string, values: FormValues): [string, string][] {
  if (page === "children") {
    const rows: [string, string][] = [];
    for (let n = 1; values[`childAge-${n}`] !== undefined || values[`childSetting-${n}`] !== undefined; n++) {
      const parts = [
        values[`childName-${n}`] ? String(values[`childName-${n}`]) : "",
        values[`childAge-${n}`] ? `age ${String(values[`childAge-${n}`])} at the time` : "",
        show(values[`childSex-${n}`], sexLabels),
        values[`childSetting-${n}`] ? String(values[`childSetting-${n}`]) : "",
      ].filter(Boolean);
      if (parts.length) rows.push([`Child ${n}`, parts.join(", ")]);
    }
    return rows;
  }
  return (answerRows[page] ?? [])
    .map(([field, question, kind]): [string, string] => [question, show(values[field], kind)])
    .filter(([, answer]) => answer !== "");
}
