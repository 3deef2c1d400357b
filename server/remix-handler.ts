// Serves the Remix app from Express (in place of @remix-run/express), with what
// every route inherits from here rather than from each route's own care:
// - the request body reaches the app through a counter that stops reading
//   past maxBodyBytes, whatever Content-Length said (or when there is none:
//   chunked bodies); the app's own readers have lower limits still;
// - a response without Cache-Control gets "no-store": pages carry case data
//   and referral answers, and Back after signing out must not show them;
// - a 413 closes the connection, so the rest of an oversized body is never read;
// - legacy `?_data=` requests, which skip Remix's own Origin check and which
//   this app (single fetch) never makes, are refused;
// - the id of the route that answers goes into the request's log context.
import type { IncomingMessage } from "node:http";
import { Transform } from "node:stream";
import {
  createReadableStreamFromReadable,
  createRequestHandler,
  writeReadableStreamToWritable,
  type AppLoadContext,
  type ServerBuild,
} from "@remix-run/node";
import { matchRoutes } from "@remix-run/react";
import type { NextFunction, Request, Response } from "express";
import { annotateRequest } from "../app/utils/log.server";

/** The error a body stream ends with when it goes past the limit (app/utils/forms.server.ts knows the name). */
export class PayloadTooLargeError extends Error {
  override name = "PayloadTooLargeError";
}

function countedBody(req: IncomingMessage, maxBytes: number): ReadableStream<Uint8Array> {
  let received = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.byteLength;
      if (received <= maxBytes) return callback(null, chunk);
      // Stop reading: the socket is closed after the answer (Connection: close).
      req.unpipe(counter);
      req.pause();
      callback(new PayloadTooLargeError());
    },
  });
  // pipe() does not pass on a client that went away mid-body: end the counter too.
  req.on("error", (error) => counter.destroy(error));
  req.on("close", () => {
    if (!req.complete) counter.destroy(new Error("The client closed the connection before sending the whole body."));
  });
  req.pipe(counter);
  return createReadableStreamFromReadable(counter) as ReadableStream<Uint8Array>;
}

function remixHeaders(req: Request) {
  const headers = new Headers();
  for (const [key, values] of Object.entries(req.headers)) {
    for (const value of Array.isArray(values) ? values : values ? [values] : []) headers.append(key, value);
  }
  return headers;
}

function remixRequest(req: Request, res: Response, maxBodyBytes: number) {
  // req.hostname respects "trust proxy"; the port comes from the Host headers.
  const port = [req.get("X-Forwarded-Host"), req.get("host")]
    .map((host) => Number.parseInt(host?.split(":")[1] ?? "", 10))
    .find(Number.isSafeInteger);
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
  let controller: AbortController | null = new AbortController();
  res.on("finish", () => (controller = null));
  res.on("close", () => controller?.abort());
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(url.href, {
    method: req.method,
    headers: remixHeaders(req),
    signal: controller.signal,
    ...(hasBody ? { body: countedBody(req, maxBodyBytes), duplex: "half" } : {}),
  } as RequestInit);
}

type RouteNode = Parameters<typeof matchRoutes>[0][number];
const routeTrees = new WeakMap<ServerBuild, RouteNode[]>();

/** The build's routes as the tree Remix matches against (index routes have no children). */
function routeTree(routes: ServerBuild["routes"], parentId?: string): RouteNode[] {
  return Object.values(routes)
    .filter((route) => route.parentId === parentId)
    .map(({ id, path, index, caseSensitive }) =>
      index ? { id, path, caseSensitive, index: true } : { id, path, caseSensitive, children: routeTree(routes, id) },
    );
}

/** The id of the route that answers a path, as Remix matches it ("/cases.data" asks for "/cases", "/_root.data" for "/"). */
function routeId(build: ServerBuild, pathname: string): string | undefined {
  let tree = routeTrees.get(build);
  if (!tree) routeTrees.set(build, (tree = routeTree(build.routes)));
  return matchRoutes(tree, pathname.replace(/\.data$/, "").replace(/^\/_root$/, "/"))?.at(-1)?.route.id;
}

export function remixRequestHandler(options: {
  build: ServerBuild | (() => Promise<ServerBuild>);
  mode: string;
  maxBodyBytes: number;
  getLoadContext: (req: Request, res: Response) => AppLoadContext;
}) {
  const handle = createRequestHandler(options.build, options.mode);
  // Express does not await a handler: every failure goes to next() here.
  return (req: Request, res: Response, next: NextFunction) => void serve(req, res).catch(next);

  async function serve(req: Request, res: Response) {
    if (req.query._data !== undefined) {
      res.status(400).type("text/plain").send("Bad request.");
      return;
    }
    const build = typeof options.build === "function" ? await options.build() : options.build;
    annotateRequest({ route: routeId(build, req.path) });
    const response = await handle(remixRequest(req, res, options.maxBodyBytes), options.getLoadContext(req, res));
    if (!response.headers.has("Cache-Control")) res.setHeader("Cache-Control", "no-store");
    if (response.status === 413) res.setHeader("Connection", "close");
    res.statusMessage = response.statusText;
    res.status(response.status);
    for (const [key, value] of response.headers) res.append(key, value);
    if (response.body) await writeReadableStreamToWritable(response.body, res);
    else res.end();
  }
}
