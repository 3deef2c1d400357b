// The access log: a line for each request that reaches it (server/index.ts
// mounts it after static files and health checks), with the method, path,
// status and time taken, and, from the request's context, its id, the
// signed-in user's id and the route. The path only: a query string can hold a
// person's name (the case list's ?q=).
import { AsyncLocalStorage } from "node:async_hooks";
import type { NextFunction, Request, Response } from "express";
import { log } from "../app/utils/log.server";

export function accessLog(req: Request, res: Response, next: NextFunction) {
  const started = performance.now();
  const { method, path } = req;
  // Bound to this request's context: an event listener would otherwise run in whichever context emitted "close".
  res.once(
    "close",
    AsyncLocalStorage.bind(() => {
      const durationMs = Math.round(performance.now() - started);
      // "close" before "finish": the client went away before the whole answer was sent.
      log.info("Request", { method, path, status: res.statusCode, durationMs, aborted: res.writableFinished ? undefined : true });
    }),
  );
  next();
}
