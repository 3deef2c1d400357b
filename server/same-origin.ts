// Cross-site request forgery, first line: a request that may change something
// (anything but GET, HEAD and OPTIONS) must come from a page of this service.
// Browsers say where a request came from in Sec-Fetch-Site (which a page
// cannot forge) and Origin; either one naming another site refuses it.
// SameSite=Lax cookies alone are not enough: a page on a sibling subdomain
// is "same-site". Each staff and referral form also carries a token
// (app/utils/csrf.server.ts) for browsers that send neither header.
import type { NextFunction, Request, Response } from "express";
import { log } from "../app/utils/log.server";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function sameOriginOnly(trustProxy: boolean | number | string) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const site = req.get("Sec-Fetch-Site");
    const origin = req.get("Origin");
    // Behind a trusted proxy the public host is the one the proxy was asked for.
    const host = (trustProxy ? req.get("X-Forwarded-Host")?.split(",")[0]?.trim() : undefined) || req.get("Host");
    const own = `${req.protocol}://${host}`;
    if ((site && site !== "same-origin") || (origin && origin !== own)) {
      // For the operator (a proxy that rewrites Host shows up here); no request data beyond the two origins.
      log.warn(`Refused a cross-site ${req.method} (Sec-Fetch-Site: ${site ?? "none"}, Origin: ${origin ?? "none"}, expected ${own}).`);
      res
        .status(403)
        .type("text/plain")
        .send("This form was sent from another website, so it was refused. Go back to the service and try again from its own pages.");
      return;
    }
    next();
  };
}
