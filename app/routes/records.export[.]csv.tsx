// Every case in the records format (/records/export.csv), for a manager,
// streamed as it is read (exportRecords, which records "records.export" once
// every row is written). A failure part-way ends the download as failed, so a
// cut-off file never looks whole; a download cancelled by the browser stops
// the export at its next batch, unrecorded.
import { Writable } from "node:stream";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/guard.server";
import { db } from "~/db.server";
import { exportRecords } from "~/records/export.server";
import { londonDay } from "~/utils/dates";
import { log } from "~/utils/log.server";
import { requestId } from "~/utils/request-id.server";

export const handle = { permission: "records:transfer" };

const headers = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, "records:transfer");
  // "/records/export.csv.data" would answer the rows as a script: the export goes only as a download.
  if (context.dataRequest) throw new Response("Not found", { status: 404, headers: { ...headers, "Content-Type": "text/plain" } });
  const name = `lado-records-${londonDay(new Date())}.csv`;
  const { body, sink } = downloadBody();
  exportRecords(db, sink, { who: user.id, name, requestId: requestId(request) }).then(
    () => sink.end(),
    (error: unknown) => sink.destroy(error instanceof Error ? error : new Error("The records export failed.")),
  );
  return new Response(body, {
    headers: { ...headers, "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}"` },
  });
}

class Cancelled extends Error {
  override message = "The download was cancelled.";
}

/**
 * A response body and the Writable that fills it, a chunk at a time as the
 * browser takes them. Every write waits for "drain" (a high-water mark of one
 * byte), so once the browser cancels, the writer's next write fails rather
 * than waiting for ever.
 */
function downloadBody() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let cancelled = false;
  let resume: (() => void) | null = null;
  const body = new ReadableStream<Uint8Array>(
    {
      start: (c) => void (controller = c),
      pull: () => {
        resume?.();
        resume = null;
      },
      cancel: () => {
        cancelled = true;
        resume?.();
        resume = null;
      },
    },
    { highWaterMark: 4 },
  );
  const sink = new Writable({
    highWaterMark: 1,
    write(chunk: Buffer, _encoding, done) {
      if (cancelled) return done(new Cancelled());
      controller.enqueue(new Uint8Array(chunk));
      if ((controller.desiredSize ?? 0) > 0) done();
      else resume = () => done(cancelled ? new Cancelled() : undefined);
    },
    final(done) {
      controller.close();
      done();
    },
  });
  sink.on("error", (error) => {
    if (error instanceof Cancelled) return log.info("A records export was cancelled by the browser.");
    log.error(`The records export failed: ${error.message}`);
    if (!cancelled) controller.error(error);
  });
  return { body, sink };
}
