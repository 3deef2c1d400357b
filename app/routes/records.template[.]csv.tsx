// The records format's template (/records/template.csv): the header and an example row.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/guard.server";
import { templateCsv } from "~/records/format";

export const handle = { permission: "records:transfer" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "records:transfer");
  return new Response(templateCsv(), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="records-template.csv"',
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
