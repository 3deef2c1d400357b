// The configuration the browser may see (publicEnv in config/env.server.ts):
// the council's name and phone numbers, who the referral form's privacy
// notice names, and whether this is a demonstration.
// Handed to every page through React context, not a loader, so that error
// pages, which render without the root loader's data, still name the council:
// the server provides it in entry.server.tsx and writes it into the page;
// entry.client.tsx reads it back.
import { createContext, useContext } from "react";

export type PublicEnv = {
  SERVICE_NAME: string;
  COUNCIL_NAME: string;
  FRONT_DOOR_PHONE: string;
  OUT_OF_HOURS_PHONE: string;
  LADO_PHONE: string;
  /** The privacy notice's data controller and data protection officer. */
  DATA_CONTROLLER: string;
  DPO_EMAIL: string;
  DPO_ADDRESS?: string;
  /** A demonstration with made-up data (DEMO=true): every page says so. */
  DEMO: boolean;
};

declare global {
  interface Window {
    __PUBLIC_ENV__: PublicEnv;
  }
}

const PublicEnvContext = createContext<PublicEnv | null>(null);
export const PublicEnvProvider = PublicEnvContext.Provider;

export function usePublicEnv(): PublicEnv {
  const env = useContext(PublicEnvContext);
  if (!env) throw new Error("usePublicEnv: no PublicEnvProvider (entry.server.tsx and entry.client.tsx provide it).");
  return env;
}

/** Writes the values into the page for entry.client.tsx ("<" escaped, so no value can end the script). */
export function PublicEnvScript({ nonce }: { nonce: string }) {
  const json = JSON.stringify(usePublicEnv()).replace(/</g, "\\u003c");
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: `window.__PUBLIC_ENV__=${json};` }} />;
}
