// The Content-Security-Policy nonce for this response, made by the server
// (server/index.ts) and given to every script Remix renders.
import { createContext, useContext } from "react";

const NonceContext = createContext("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
