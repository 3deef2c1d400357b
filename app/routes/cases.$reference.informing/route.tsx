// The case file's telling-people section: the person the allegation is
// about told (and whether the police and children's social care agreed
// first), parents or carers told of the allegation and of the outcome, and
// the child given feedback suited to their age. Each is done on a date by
// someone, or not done with the reason. One kind is recorded at a time: its
// form opens from its "Record" or "Change" link (?kind=...).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { allegationFacts, allegationProblem } from "~/allegations/allegation.server";
import { recordInforming } from "~/allegations/informing.server";
import { informingKindLabels } from "~/allegations/labels";
import { requireCaseAccess } from "~/auth/guard.server";
import { can } from "~/auth/permissions";
import { viewCaseSection } from "~/cases/case-file.server";
import { SectionHeading, sectionMeta } from "~/cases/case-page";
import { sectionPath } from "~/cases/sections";
import { staleVersion } from "~/cases/versions.server";
import { Button, DateInput, ErrorSummary, Radios, Textarea, TextInput, type FieldState } from "~/components/form-fields";
import { dateParts, VersionField } from "~/components/section-forms";
import { StaffForm } from "~/components/staff-form";
import { SummaryList } from "~/components/summary-list";
import { InformingKind } from "~/generated/prisma/enums";
import { calendarDate, londonDateTime, storedDay } from "~/utils/dates";
import { setFlash } from "~/utils/flash.server";
import { invalid, parseValues, readForm } from "~/utils/forms.server";
import { readInforming } from "./informing.server";
import { informingForm, informingLabels } from "./schema.server";

// Reading the section needs case:read; recording needs case:write.
export const handle = { permission: "case:read", actionPermission: "case:write" };
export const meta: MetaFunction<typeof loader> = ({ data }) => sectionMeta("Telling people", data);

const kinds = Object.values(InformingKind);
const isKind = (v: unknown): v is InformingKind => typeof v === "string" && (kinds as string[]).includes(v);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, reference, data } = await viewCaseSection(request, params.reference, "informing", readInforming);
  const asked = new URL(request.url).searchParams.get("kind");
  const canWrite = can(user.roles, "case:write");
  return { reference, file: data, canWrite, editing: canWrite && isKind(asked) ? asked : null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, case: found } = await requireCaseAccess(request, params.reference, "case:write");
  const values = await readForm(request);
  const facts = await allegationFacts(found.id);
  const problem = allegationProblem(facts);
  if (problem) return invalid({ errors: { kind: problem }, values }, 409);
  const parsed = parseValues(informingForm(facts.receivedDay), values);
  if (!parsed.ok) return invalid(parsed.failure);
  const { version, kind, answers } = parsed.data;
  const saved = await recordInforming({ request, userId: user.id, caseId: found.id }, kind, version, answers);
  if (!saved.saved) return staleVersion(values, saved.current, saved.changes, informingLabels);
  return redirect(`${sectionPath(found.reference, "informing")}#${kind}`, {
    headers: { "Set-Cookie": await setFlash(`${informingKindLabels[kind]}: saved`) },
  });
}

type Page = ReturnType<typeof useLoaderData<typeof loader>>;
type Recorded = Page["file"]["informing"][number];

export default function Informing() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as FieldState | undefined;
  // A refused form stays open on its kind, whatever the address says.
  const sent = result?.values?.kind;
  const open = isKind(sent) ? sent : page.editing;
  return (
    <>
      <ErrorSummary errors={result?.errors} />
      <SectionHeading>Telling people</SectionHeading>
      <p className="govuk-body">
        Record when each was done and by whom, or why it was not done. Tell the person only once the police and children&apos;s social care
        have agreed.
      </p>
      {kinds.map((kind) => (
        <Kind
          key={kind}
          kind={kind}
          page={page}
          recorded={page.file.informing.find((i) => i.kind === kind) ?? null}
          state={open === kind ? result : undefined}
          open={open === kind}
        />
      ))}
    </>
  );
}

function Kind({
  kind,
  page,
  recorded,
  state,
  open,
}: {
  kind: InformingKind;
  page: Page;
  recorded: Recorded | null;
  state?: FieldState;
  open: boolean;
}) {
  const title = informingKindLabels[kind];
  return (
    <section className="govuk-!-margin-bottom-8" aria-labelledby={`${kind}-title`} id={kind} tabIndex={-1}>
      <h3 className="govuk-heading-m" id={`${kind}-title`}>
        {title}
      </h3>
      {recorded ? <RecordedRows kind={kind} recorded={recorded} /> : <p className="govuk-body">Not recorded yet.</p>}
      {page.canWrite && !open ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`?kind=${kind}#${kind}`}>
            {recorded ? "Change" : "Record"}
            <span className="govuk-visually-hidden"> {title.toLowerCase()}</span>
          </Link>
        </p>
      ) : null}
      {page.canWrite && open ? <InformingForm kind={kind} state={state ?? informingFields(kind, recorded)} /> : null}
    </section>
  );
}

const agreedText = (v: boolean | null) => (v === null ? "Not involved" : v ? "Yes" : "No");

function RecordedRows({ kind, recorded: r }: { kind: InformingKind; recorded: Recorded }) {
  const recordedBy = `${londonDateTime(r.recordedAt)}${r.recordedBy ? ` by ${r.recordedBy.name}` : ""}`;
  if (!r.done) {
    return (
      <SummaryList
        rows={[
          ["Done", "No"],
          ["Why not", r.notDoneReason],
          ["Recorded", recordedBy],
        ]}
      />
    );
  }
  return (
    <SummaryList
      rows={[
        ["Done", r.doneOn ? `Yes, on ${calendarDate(r.doneOn)}` : "Yes"],
        ["By whom", r.byWhom],
        ...(kind === "SUBJECT_TOLD"
          ? ([
              ["Police agreed first", agreedText(r.policeAgreed)],
              ["Children's social care agreed first", agreedText(r.socialCareAgreed)],
            ] as [string, string][])
          : []),
        ["Recorded", recordedBy],
      ]}
    />
  );
}

/** What is recorded as the form's fields (nothing yet: version 0). */
function informingFields(kind: InformingKind, r: Recorded | null): FieldState {
  if (!r) return { values: { kind, version: "0" } };
  const agreed = (v: boolean | null) => (v === null ? "not-involved" : v ? "yes" : "no");
  return {
    values: {
      kind,
      version: String(r.version),
      done: r.done ? "yes" : "no",
      ...dateParts("doneOn", storedDay(r.doneOn)),
      byWhom: r.byWhom ?? "",
      ...(r.done && kind === "SUBJECT_TOLD" ? { policeAgreed: agreed(r.policeAgreed), socialCareAgreed: agreed(r.socialCareAgreed) } : {}),
      notDoneReason: r.notDoneReason ?? "",
    },
  };
}

const agreedOptions = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
  { value: "not-involved", label: "Not involved" },
];

function InformingForm({ kind, state }: { kind: InformingKind; state: FieldState }) {
  return (
    <StaffForm noValidate>
      <input type="hidden" name="kind" value={kind} />
      <VersionField state={state} />
      {/* Plain fields, not conditional reveals: the form opens after the page has started GOV.UK Frontend. */}
      <Radios
        name="done"
        legend="Was it done?"
        inline
        options={[
          { value: "yes", label: "Yes" },
          { value: "no", label: "No, not done" },
        ]}
        state={state}
      />
      <DateInput name="doneOn" legend="Date done" hint="If done. For example, 27 3 2026" state={state} />
      <TextInput name="byWhom" label="By whom" hint="If done. Name and role, for example the head teacher or the LADO" state={state} />
      {kind === "SUBJECT_TOLD" ? (
        <>
          <Radios
            name="policeAgreed"
            legend="Did the police agree before the person was told?"
            hint="If done"
            inline
            options={agreedOptions}
            state={state}
          />
          <Radios
            name="socialCareAgreed"
            legend="Did children's social care agree before the person was told?"
            hint="If done"
            inline
            options={agreedOptions}
            state={state}
          />
        </>
      ) : null}
      <Textarea name="notDoneReason" label="Why it was not done" hint="If not done" rows={3} state={state} />
      <Button>Save</Button>
    </StaffForm>
  );
}
