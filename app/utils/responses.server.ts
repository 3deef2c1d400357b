// Error responses thrown from loaders and actions; the nearest ErrorBoundary
// renders them as accessible pages. They carry no detail about the data.
import { data } from "@remix-run/node";

export const forbidden = () => data({ message: "forbidden" }, { status: 403 });
export const notFound = () => data({ message: "not-found" }, { status: 404 });

const OWN_ORIGIN = "http://this-service.invalid";

/**
 * A safe place to return to after sign-in: a path on this site only, as a
 * browser would resolve it. It must start with a single "/", and resolved
 * against our origin it must stay on it (browsers drop tabs and line breaks
 * and read "\" as "/", so "/\t/evil.example" would otherwise leave). The
 * answer is the resolved path, re-encoded, never the text as sent.
 */
export function safeReturnTo(value: unknown, fallback = "/") {
  if (typeof value !== "string" || value.length > 2048 || !value.startsWith("/") || /^\/[/\\]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, OWN_ORIGIN);
  } catch {
    return fallback;
  }
  const path = url.pathname + url.search + url.hash;
  return url.origin === OWN_ORIGIN && !path.startsWith("//") ? path : fallback;
}
