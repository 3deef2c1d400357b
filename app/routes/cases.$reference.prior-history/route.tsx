// The case file's prior-history section: earlier records that may be this
// person (each with why it matched and how sure, to confirm or reject), the
// contacts already confirmed as them, and earlier contacts about the same
// setting in the three years before this one.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireCaseAccess } from "~/auth/guard.server";
import { can } from "~/auth/permissions";
import { viewCaseSection } from "~/cases/case-file.server";
import { Part, SectionHeading, sectionMeta } from "~/cases/case-page";
import { sectionPath } from "~/cases/sections";
import { Button, ErrorSummary } from "~/components/form-fields";
import { StaffForm } from "~/components/staff-form";
import { Table } from "~/components/table";
import { decideMatch, StaleMatch } from "~/people/matching.server";
import { personName } from "~/people/names";
import { calendarDate, londonDate, londonDateTime } from "~/utils/dates";
import { setFlash } from "~/utils/flash.server";
import { invalid, parseValues, readForm } from "~/utils/forms.server";
import { notFound } from "~/utils/responses.server";
import { decisionForm, readPriorHistory } from "./prior-history.server";

export const handle = { permission: "case:read", actionPermission: "case:write" };
export const meta: MetaFunction<typeof loader> = ({ data }) => sectionMeta("Prior history", data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, reference, data } = await viewCaseSection(request, params.reference, "prior-history", readPriorHistory);
  return { reference, check: data, mayDecide: can(user.roles, "case:write") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, case: found } = await requireCaseAccess(request, params.reference, "case:write");
  const parsed = parseValues(decisionForm, await readForm(request));
  if (!parsed.ok) return invalid(parsed.failure);
  const { intent, match } = parsed.data;
  try {
    const decided = await decideMatch(request, user.id, found.id, match, intent);
    if (!decided) throw notFound();
    const message =
      intent === "confirm"
        ? `Confirmed: the person on ${found.reference} is the person on ${decided.reference}`
        : `Rejected: the person on ${decided.reference} is not this person, and will not be suggested again`;
    return redirect(sectionPath(found.reference, "prior-history"), { headers: { "Set-Cookie": await setFlash(message) } });
  } catch (error) {
    if (!(error instanceof StaleMatch)) throw error;
    return data({ errors: { [`match-${match}`]: error.message }, values: parsed.values }, { status: 409 });
  }
}

type Check = ReturnType<typeof useLoaderData<typeof loader>>["check"];
type Named = Extract<Check, { named: true }>;

const strengthTags = { strong: "govuk-tag--red", possible: "govuk-tag--yellow" } as const;

export default function PriorHistory() {
  const { check, mayDecide, reference } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <ErrorSummary errors={result?.errors} />
      <SectionHeading>Prior history</SectionHeading>
      {check.named ? (
        <>
          <KnownBefore known={check.known} />
          <Candidates groups={check.groups} mayDecide={mayDecide} reference={reference} errors={result?.errors} />
          <Decided decided={check.decided} />
        </>
      ) : (
        <p className="govuk-body">No named person: no prior-history check.</p>
      )}
      <SameSetting setting={check.setting} />
    </>
  );
}

const caseLink = (reference: string) => <Link to={sectionPath(reference, "")}>{reference}</Link>;
const contacts = (n: number) => `${n} ${n === 1 ? "contact" : "contacts"}`;

function KnownBefore({ known }: { known: Named["known"] }) {
  if (!known.length) return null;
  return (
    <Part title={`Known before: ${contacts(known.length)}`}>
      <p className="govuk-body">Confirmed as this person on earlier contacts:</p>
      <Table
        caption="Earlier contacts confirmed as this person"
        captionHidden
        rowKey={(p) => p.id}
        rows={known}
        empty=""
        columns={[
          { header: "Reference", cell: (p) => caseLink(p.case.reference), rowHeader: true },
          { header: "Received", cell: (p) => londonDate(p.case.receivedAt) },
          { header: "Name as recorded", cell: (p) => personName(p) ?? "Name not given" },
        ]}
      />
    </Part>
  );
}

function Candidates({
  groups,
  mayDecide,
  reference,
  errors,
}: {
  groups: Named["groups"];
  mayDecide: boolean;
  reference: string;
  errors?: Record<string, string>;
}) {
  return (
    <Part title="Earlier records that may be this person">
      {groups.length === 0 ? (
        <p className="govuk-body">No earlier record matches this person&apos;s names, date of birth or employer.</p>
      ) : (
        <>
          <p className="govuk-body">
            Best first. Strong: both names and the date of birth agree. Possible: worth a look. Confirm links the records, so every later
            contact shows the whole history; a rejected record is not suggested again.
          </p>
          {groups.map((group, i) => (
            <CandidateCard
              key={group.identityId}
              group={group}
              number={i + 1}
              mayDecide={mayDecide}
              reference={reference}
              error={group.matchId ? errors?.[`match-${group.matchId}`] : undefined}
            />
          ))}
        </>
      )}
    </Part>
  );
}

function CandidateCard({
  group,
  number,
  mayDecide,
  reference,
  error,
}: {
  group: Named["groups"][number];
  number: number;
  mayDecide: boolean;
  reference: string;
  error?: string;
}) {
  const { best } = group;
  const titleId = `candidate-${number}-title`;
  return (
    <section
      className="govuk-summary-card"
      id={group.matchId ? `match-${group.matchId}` : undefined}
      aria-labelledby={titleId}
      tabIndex={-1}
    >
      <div className="govuk-summary-card__title-wrapper">
        <h4 className="govuk-summary-card__title" id={titleId}>
          {number}. {personName(best) ?? "Name not given"}, {best.reference}{" "}
          <strong className={`govuk-tag ${strengthTags[best.strength]}`}>{best.strength === "strong" ? "Strong" : "Possible"}</strong>
        </h4>
      </div>
      <div className="govuk-summary-card__content">
        {error ? (
          <p className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        ) : null}
        <p className="govuk-body">Score {best.score.toFixed(2)} out of 1. Why it matched:</p>
        <ul className="govuk-list govuk-list--bullet">
          {best.reasons.map((reason) => (
            <li key={reason.kind + reason.field}>{reason.detail}</li>
          ))}
        </ul>
        <Table
          caption={`Earlier contacts of candidate ${number}`}
          captionHidden
          smallText
          rowKey={(c) => c.personId}
          rows={group.members}
          empty=""
          columns={[
            { header: "Reference", cell: (c) => caseLink(c.reference), rowHeader: true },
            { header: "Received", cell: (c) => londonDate(c.receivedAt) },
            {
              header: "Name as recorded",
              cell: (c) =>
                [personName(c), c.previousNames.length ? `(was ${c.previousNames.join(", ")})` : null].filter(Boolean).join(" ") ||
                "Not given",
            },
            { header: "Date of birth", cell: (c) => (c.dateOfBirth ? calendarDate(c.dateOfBirth) : "Not given") },
            { header: "Employer", cell: (c) => c.employer ?? "Not given" },
            {
              header: "Score",
              // A contact confirmed as this identity's that did not match by itself.
              cell: (c) => (c.reasons.some((r) => r.kind === "linked") ? "Linked" : c.score.toFixed(2)),
              numeric: true,
            },
          ]}
        />
        <p className="govuk-body">Decision: not decided yet.</p>
        {mayDecide && group.matchId ? (
          <StaffForm action={sectionPath(reference, "prior-history")}>
            <input type="hidden" name="match" value={group.matchId} />
            <div className="govuk-button-group">
              <Button name="intent" value="confirm">
                Confirm<span className="govuk-visually-hidden">: {best.reference} is this person</span>
              </Button>
              <Button name="intent" value="reject" secondary>
                Reject<span className="govuk-visually-hidden">: {best.reference} is not this person</span>
              </Button>
            </div>
          </StaffForm>
        ) : null}
      </div>
    </section>
  );
}

const decisionLabels = { CONFIRMED: "Confirmed: same person", REJECTED: "Rejected: not this person", SUGGESTED: "Not decided" } as const;

function Decided({ decided }: { decided: Named["decided"] }) {
  if (!decided.length) return null;
  return (
    <Part title="Matches decided">
      <Table
        caption="Matches decided"
        captionHidden
        rowKey={(m) => m.id}
        rows={decided}
        empty=""
        columns={[
          { header: "Earlier contact", cell: (m) => caseLink(m.candidate.case.reference), rowHeader: true },
          { header: "Received", cell: (m) => londonDate(m.candidate.case.receivedAt) },
          { header: "Decision", cell: (m) => decisionLabels[m.status] },
          { header: "By", cell: (m) => m.decidedBy?.name ?? "Not recorded" },
          { header: "When", cell: (m) => (m.decidedAt ? londonDateTime(m.decidedAt) : "Not recorded") },
        ]}
      />
    </Part>
  );
}

function SameSetting({ setting }: { setting: Check["setting"] }) {
  return (
    <Part title="Earlier contacts about the same setting">
      {setting.name === null ? (
        <p className="govuk-body">No employer recorded as an organisation: no same-setting check.</p>
      ) : (
        <>
          <p className="govuk-body">
            {contacts(setting.count)} about {setting.name} in the three years before this one
            {setting.count > setting.contacts.length ? ` (the latest ${setting.contacts.length} listed)` : ""}.
          </p>
          <Table
            caption={`Earlier contacts about ${setting.name}`}
            captionHidden
            rowKey={(c) => c.reference}
            rows={setting.contacts}
            empty=""
            columns={[
              { header: "Reference", cell: (c) => caseLink(c.reference), rowHeader: true },
              { header: "Received", cell: (c) => londonDate(c.receivedAt) },
              {
                header: "About",
                cell: (c) => (c.namedProfessional ? (personName(c.subject) ?? "Name not given") : "No named professional"),
              },
            ]}
          />
        </>
      )}
    </Part>
  );
}
