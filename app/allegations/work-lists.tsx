// What "My work" and the team view show (app/allegations/my-work.server.ts):
// the counts at the top, each linking to its list, then each list, every
// item linking to the case section where it is dealt with.
import { Link } from "@remix-run/react";
import type { SerializeFrom } from "@remix-run/node";
import { Table, type Column } from "~/components/table";
import { calendarDate, calendarMonth, dayWithWeekday, londonDate } from "~/utils/dates";
import type { ShownWork } from "./my-work.server";

type Work = SerializeFrom<ShownWork>;
type Parts = Work["parts"];
type PartKey = keyof Parts;
type Row<K extends PartKey> = Parts[K]["rows"][number];

/** Each list's heading, what it counts, and its anchor on the page, in the order shown. */
const PARTS: { key: PartKey; title: string; counted: string; overdue: string }[] = [
  { key: "considerations", title: "Initial considerations", counted: "initial considerations to make", overdue: "overdue" },
  { key: "meetings", title: "Meetings and reviews due", counted: "meetings or reviews due", overdue: "overdue" },
  { key: "actions", title: "Actions overdue or due soon", counted: "actions overdue or due soon", overdue: "overdue" },
  { key: "policeDelays", title: "Police delay", counted: "police investigations flagged for delay", overdue: "" },
  { key: "reportBacks", title: "Employer report-backs", counted: "employer report-backs due", overdue: "overdue" },
  {
    key: "suspensions",
    title: "Written confirmation of suspension",
    counted: "suspensions awaiting written confirmation",
    overdue: "overdue",
  },
  {
    key: "pastDelayMonths",
    title: "Open past the reason-for-delay point",
    counted: "allegations open past the reason-for-delay point",
    overdue: "need this month's reason",
  },
  { key: "pastFirstTarget", title: "Open more than 1 month", counted: "allegations open more than 1 month", overdue: "" },
  { key: "returned", title: "Closures returned", counted: "closures returned with a manager's comment", overdue: "" },
  { key: "awaitingSignOff", title: "Closures awaiting sign-off", counted: "closures awaiting a manager's sign-off", overdue: "" },
];

const anchor = (key: PartKey) => `work-${key}`;
const day = (d: string) => calendarDate(`${d}T00:00:00Z`);

function Status({ overdue }: { overdue: boolean }) {
  return overdue ? (
    <strong className="govuk-tag govuk-tag--red">Overdue</strong>
  ) : (
    <strong className="govuk-tag govuk-tag--blue">Due</strong>
  );
}

const caseLink = <T extends { reference: string; href: string }>(label = "Case"): Column<T> => ({
  header: label,
  rowHeader: true,
  className: "app-nowrap",
  cell: (r) => (
    <Link className="govuk-link" to={r.href}>
      {r.reference}
    </Link>
  ),
});

const ladoColumn = <T extends { allocatedTo: { name: string } | null }>(): Column<T> => ({
  header: "LADO",
  cell: (r) => r.allocatedTo?.name ?? "Not allocated",
});

const dueColumns = <T extends { dueOn: string; overdue: boolean }>(): Column<T>[] => [
  { header: "Due by", className: "app-nowrap", cell: (r) => day(r.dueOn) },
  { header: "Status", cell: (r) => <Status overdue={r.overdue} /> },
];

/** The columns of each list; with `team`, who each case is allocated to. */
function columnsOf(team: boolean, delayAfter: number): { [K in PartKey]: Column<Row<K>>[] } {
  const withLado = <T extends { allocatedTo: { name: string } | null }>(columns: Column<T>[]) =>
    team ? [columns[0]!, ladoColumn<T>(), ...columns.slice(1)] : columns;
  return {
    considerations: withLado<Row<"considerations">>([
      caseLink(),
      { header: "Received", className: "app-nowrap", cell: (r) => londonDate(r.receivedAt) },
      { header: "Time left", cell: (r) => <span className={r.overdue ? "app-overdue" : undefined}>{r.timeLeft}</span> },
    ]),
    meetings: withLado<Row<"meetings">>([caseLink(), { header: "Meeting", cell: (r) => r.what }, ...dueColumns<Row<"meetings">>()]),
    actions: withLado<Row<"actions">>([
      caseLink(),
      { header: "Action", cell: (r) => r.description },
      { header: "Owner", cell: (r) => r.owner },
      ...dueColumns<Row<"actions">>(),
    ]),
    policeDelays: withLado<Row<"policeDelays">>([caseLink(), { header: "Why it is flagged", cell: (r) => r.reasons.join("; ") }]),
    reportBacks: withLado<Row<"reportBacks">>([caseLink(), ...dueColumns<Row<"reportBacks">>()]),
    suspensions: withLado<Row<"suspensions">>([caseLink(), ...dueColumns<Row<"suspensions">>()]),
    pastDelayMonths: withLado<Row<"pastDelayMonths">>([
      caseLink(),
      { header: "Received", className: "app-nowrap", cell: (r) => londonDate(r.receivedAt) },
      {
        header: "Reason for delay",
        cell: (r) =>
          r.reasonsMissing.length ? (
            <>
              <strong className="govuk-tag govuk-tag--red">Reason needed</strong> for{" "}
              {r.reasonsMissing.map((m) => calendarMonth(m)).join(", ")}
            </>
          ) : (
            "Recorded this month"
          ),
      },
    ]),
    pastFirstTarget: withLado<Row<"pastFirstTarget">>([
      caseLink(),
      { header: "Received", className: "app-nowrap", cell: (r) => londonDate(r.receivedAt) },
      { header: "Reason for delay", cell: () => `Needed monthly once open more than ${delayAfter} months` },
    ]),
    returned: withLado<Row<"returned">>([
      caseLink(),
      { header: "Returned", className: "app-nowrap", cell: (r) => (r.returnedAt ? londonDate(r.returnedAt) : "") },
      { header: "By", cell: (r) => r.returnedBy ?? "" },
      { header: "Manager's comment", cell: (r) => <span className="app-pre-wrap">{r.comment}</span> },
    ]),
    awaitingSignOff: withLado<Row<"awaitingSignOff">>([
      caseLink(),
      { header: "Proposed", className: "app-nowrap", cell: (r) => londonDate(r.proposedAt) },
      { header: "By", cell: (r) => r.proposedBy ?? "" },
    ]),
  };
}

const EMPTY: Record<PartKey, string> = {
  considerations: "No initial considerations waiting.",
  meetings: "No meetings or reviews due in the next week.",
  actions: "No actions overdue or due in the next week.",
  policeDelays: "No police investigation is flagged for delay.",
  reportBacks: "No employer report-backs due in the next week.",
  suspensions: "No suspension is waiting for written confirmation.",
  pastDelayMonths: "No allegation is open past the reason-for-delay point.",
  pastFirstTarget: "No allegation has been open more than 1 month without reaching that point.",
  returned: "No closures returned.",
  awaitingSignOff: "No closures awaiting sign-off.",
};

/** The counts at the top: each links to its list. */
function Counts({ work }: { work: Work }) {
  return (
    <Table
      caption="Summary"
      columns={[
        {
          header: "What",
          rowHeader: true,
          cell: (p) => (
            <a className="govuk-link" href={`#${anchor(p.key)}`}>
              {p.title}
            </a>
          ),
        },
        { header: "Number", numeric: true, cell: (p) => work.parts[p.key].count },
        {
          header: "Urgent",
          numeric: true,
          cell: (p) => {
            const n = work.parts[p.key].overdue;
            return p.overdue && n ? <span className="app-overdue">{`${n} ${p.overdue}`}</span> : p.overdue ? "0" : "";
          },
        },
      ]}
      rows={PARTS}
      rowKey={(p) => p.key}
      empty=""
    />
  );
}

/** One list under its heading (by default the part's own), with how much of it is shown. */
function Part<K extends PartKey>({
  work,
  part,
  columns,
  id,
  title,
  rows,
  empty,
}: {
  work: Work;
  part: K;
  columns: Column<Row<K>>[];
  id: string;
  title?: string;
  /** Some of the part's rows, instead of all it shows. */
  rows?: Row<K>[];
  empty?: string;
}) {
  const shownPart = work.parts[part];
  const heading = title ?? PARTS.find((p) => p.key === part)!.title;
  return (
    <section className="govuk-!-margin-bottom-8" aria-labelledby={id}>
      <h2 className="govuk-heading-m" id={id}>
        {heading} ({rows ? rows.length : shownPart.count})
      </h2>
      {!rows && shownPart.count > shownPart.rows.length ? (
        <p className="govuk-body">
          Showing the first {shownPart.rows.length} of {shownPart.count}, most urgent first.
        </p>
      ) : null}
      <Table
        caption={heading}
        captionHidden
        columns={columns}
        rows={rows ?? (shownPart.rows as Row<K>[])}
        rowKey={(r) => ("id" in r && typeof r.id === "string" ? r.id : r.caseId)}
        empty={empty ?? EMPTY[part]}
        smallText
      />
    </section>
  );
}

/**
 * Every list of the work. With `signer` (a manager on the team view), the
 * closures awaiting sign-off are split: those they may sign off, and those
 * they proposed, which wait for another manager.
 */
export function WorkLists({ work, team = false, signer }: { work: Work; team?: boolean; signer?: string }) {
  const columns = columnsOf(team, work.delayReasonAfterMonths);
  const proposals = work.parts.awaitingSignOff.rows;
  return (
    <>
      <p className="govuk-body">
        On {dayWithWeekday(work.today)}. Due soon means due by {day(work.dueBy)}.
      </p>
      <Counts work={work} />
      {PARTS.map(({ key }) => (
        <div id={anchor(key)} key={key} tabIndex={-1}>
          {key === "awaitingSignOff" && signer ? (
            <>
              <Part
                work={work}
                part="awaitingSignOff"
                columns={columns.awaitingSignOff}
                id="work-sign-off-title"
                title="Closures you can sign off"
                rows={proposals.filter((p) => p.proposedById !== signer)}
              />
              <Part
                work={work}
                part="awaitingSignOff"
                columns={columns.awaitingSignOff}
                id="work-own-proposals-title"
                title="Closures you proposed, awaiting another manager"
                rows={proposals.filter((p) => p.proposedById === signer)}
                empty="None: a closure you propose is signed off by another manager."
              />
            </>
          ) : (
            <Part work={work} part={key} columns={columns[key] as Column<Row<typeof key>>[]} id={`${anchor(key)}-title`} />
          )}
        </div>
      ))}
    </>
  );
}
