// The one Prisma client, through @prisma/adapter-pg. Only *.server.ts files
// import it.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client";
import { env } from "~/config/env.server";

function connect() {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: the server sets it before loading the app.");
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
}

export const db = connect();
export type Db = typeof db;
export type { Prisma } from "~/generated/prisma/client";
