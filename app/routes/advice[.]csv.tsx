// The advice tracker as a CSV download (/advice.csv), with the page's filters:
// every matching record, streamed a batch at a time, for Excel (app/utils/csv.ts).
// Bad filters get a plain 400 saying which; the export is audited first.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { trackerCsvHeader, trackerCsvLine } from "~/advice/tracker-csv";
import { exportRows, filterValues, parseFilters } from "~/advice/tracker.server";
import { requireUser } from "~/auth/guard.server";
import { CSV_BOM } from "~/utils/csv";
import { londonDay } from "~/utils/dates";

export const handle = { permission: "advice-tracker:read" };

const plain = (status: number, text: string) =>
  new Response(text, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" },
  });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, "advice-tracker:read");
  // "/advice.csv.data" would answer the rows as a script: the export goes only as a download.
  if (context.dataRequest) throw plain(404, "Not found");
  const parsed = parseFilters(filterValues(new URL(request.url).searchParams));
  if (!parsed.ok) return plain(400, `The filters are not valid:\n${Object.values(parsed.errors).join("\n")}\n`);
  const batches = exportRows(request, user.id, parsed.filters);
  // The first batch is read (and the export audited) before answering, so a failure is an error page, not a cut-off file.
  const first = await batches.next();
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(CSV_BOM + trackerCsvHeader()));
      if (!first.done) controller.enqueue(encoder.encode(first.value.map(trackerCsvLine).join("")));
      if (first.done) controller.close();
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value.map(trackerCsvLine).join("")));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  return new Response(stream, {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="advice-tracker-${parsed.filters.from}-to-${parsed.filters.to}-${londonDay(new Date())}.csv"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
