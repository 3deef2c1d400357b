// The case file's emails section: every email about the case and its status.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { viewCaseSection } from "~/cases/case-file.server";
import { SectionHeading, sectionMeta } from "~/cases/case-page";
import { Table } from "~/components/table";
import { messageStatusLabels, messageStatusTags } from "~/messages/labels";
import { londonDateTime } from "~/utils/dates";
import { readEmails } from "./emails.server";

export const handle = { permission: "case:read" };
export const meta: MetaFunction<typeof loader> = ({ data }) => sectionMeta("Emails", data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { reference, data } = await viewCaseSection(request, params.reference, "emails", readEmails);
  return { reference, messages: data };
}

export default function Emails() {
  const { messages } = useLoaderData<typeof loader>();
  return (
    <>
      <SectionHeading>Emails</SectionHeading>
      <Table
        caption="Emails"
        captionHidden
        columns={[
          { header: "Subject", cell: (m) => m.subject },
          { header: "To", cell: (m) => m.toAddress },
          {
            header: "Status",
            cell: (m) => <strong className={`govuk-tag ${messageStatusTags[m.status]}`}>{messageStatusLabels[m.status]}</strong>,
          },
          { header: "When", cell: (m) => londonDateTime(m.sentAt ?? m.createdAt) },
        ]}
        rows={messages}
        rowKey={(m) => m.id}
        empty="No emails about this case."
      />
    </>
  );
}
