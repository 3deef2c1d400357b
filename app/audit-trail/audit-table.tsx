// Audit events, newest first: for a case (who did it) or for a member of staff (which case).
import { Link } from "@remix-run/react";
import { Table } from "~/components/table";
import { londonDateTime } from "~/utils/dates";

type Row = {
  id: string;
  at: string | Date;
  label: string;
  user: { name: string } | null;
  case: { reference: string } | null;
  requestId: string;
};

export function AuditTable({ events, show }: { events: Row[]; show: "user" | "case" }) {
  return (
    <Table
      caption="Recorded events, newest first"
      captionHidden
      columns={[
        { header: "When", cell: (e) => londonDateTime(e.at) },
        show === "user"
          ? { header: "Who", cell: (e) => e.user?.name ?? "Public (no account)" }
          : {
              header: "Case",
              cell: (e) =>
                e.case ? (
                  <Link className="govuk-link" to={`/cases/${e.case.reference}`}>
                    {e.case.reference}
                  </Link>
                ) : (
                  "—"
                ),
            },
        { header: "What", cell: (e) => e.label },
        { header: "Request", cell: (e) => e.requestId.slice(0, 8), className: "govuk-body-s" },
      ]}
      rows={events}
      rowKey={(e) => e.id}
      empty="Nothing recorded yet."
    />
  );
}
