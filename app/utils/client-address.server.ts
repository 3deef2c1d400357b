// The client's address, for rate limits and sign-in throttling. The server
// (server/index.ts) sets x-client-address on every request from the socket,
// or from X-Forwarded-For when TRUST_PROXY says which proxies to believe, and
// overwrites any value the client sent.
export function clientAddress(request: Request) {
  return request.headers.get("x-client-address") ?? "unknown";
}
