// The request id: set by the server (server/index.ts) on every request as
// X-Request-Id and used as the correlation id in the audit trail and logs.
import { randomUUID } from "node:crypto";

const ids = new WeakMap<Request, string>();

export function requestId(request: Request) {
  const header = request.headers.get("x-request-id");
  if (header && /^[0-9a-f-]{36}$/.test(header)) return header;
  let id = ids.get(request);
  if (!id) ids.set(request, (id = randomUUID()));
  return id;
}
