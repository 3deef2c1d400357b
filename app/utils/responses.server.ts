// Error responses thrown from loaders and actions; the nearest ErrorBoundary
// renders them as accessible pages. They carry no detail about the data.
import { data } from "@remix-run/node";

export const forbidden = () => data({ message: "forbidden" }, { status: 403 });
export const notFound = () => data({ message: "not-found" }, { status: 404 });

/** A safe place to return to after sign-in: a path on this site only. */
export function safeReturnTo(value: FormDataEntryValue | string | null | undefined, fallback = "/") {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) {
    return fallback;
  }
  return value;
}
