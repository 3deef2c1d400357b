// One-off confirmation messages after a POST (post/redirect/get), in a
// short-lived signed cookie.
import { appCookie } from "./cookies.server";

function flashCookie() {
  return appCookie("lado_flash", { maxAge: 60 });
}

export function setFlash(message: string) {
  return flashCookie().serialize(message.slice(0, 300));
}

/** The pending message and the header that clears it, if there is one. */
export async function takeFlash(request: Request) {
  const message: unknown = await flashCookie().parse(request.headers.get("Cookie"));
  if (typeof message !== "string") return { message: null, headers: undefined };
  return { message, headers: { "Set-Cookie": await flashCookie().serialize("", { maxAge: 0 }) } };
}
