// The case file's documents section: each document downloads (as an
// attachment, audited) from its link.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { viewCaseSection } from "~/cases/case-file.server";
import { SectionHeading, sectionMeta } from "~/cases/case-page";
import { Table } from "~/components/table";
import { humanFileSize } from "~/documents/file-types";
import { documentKindLabels } from "~/documents/labels";
import { londonDateTime } from "~/utils/dates";
import { readDocuments } from "./documents.server";

export const handle = { permission: "case:read" };
export const meta: MetaFunction<typeof loader> = ({ data }) => sectionMeta("Documents", data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { reference, data } = await viewCaseSection(request, params.reference, "documents", readDocuments);
  return { reference, documents: data };
}

export default function Documents() {
  const { documents } = useLoaderData<typeof loader>();
  return (
    <>
      <SectionHeading>Documents</SectionHeading>
      <Table
        caption="Documents"
        captionHidden
        columns={[
          {
            header: "Document",
            // A plain link: the file downloads instead of being routed by Remix.
            cell: (d) => (
              <a className="govuk-link" href={`/documents/${d.id}`} download={d.filename}>
                {d.filename}
              </a>
            ),
          },
          { header: "Kind", cell: (d) => documentKindLabels[d.kind] },
          { header: "Size", cell: (d) => humanFileSize(d.sizeBytes), numeric: true },
          { header: "Added", cell: (d) => londonDateTime(d.createdAt) },
        ]}
        rows={documents}
        rowKey={(d) => d.id}
        empty="No documents."
      />
    </>
  );
}
