// Where uploaded files and letters are kept: on local disk under UPLOAD_DIR
// (data/uploads by default, relative to the project), outside the web root,
// each under a random key of ours (yyyy/mm/<uuid>), readable by the app's OS
// user only. No path is ever built from anything a user sent: every key is
// checked against the one shape we make before it is joined to the folder.
import { createHash, randomUUID } from "node:crypto";
import { once } from "node:events";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { env } from "~/config/env.server";

const STORAGE_KEY = /^\d{4}\/(0[1-9]|1[0-2])\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isStorageKey(key: unknown): key is string {
  return typeof key === "string" && STORAGE_KEY.test(key);
}

/**
 * The project folder: the nearest folder above this module with a
 * package.json. Works from the source (app/documents) and from the build
 * (build/server), where server/database.ts's projectRoot would not be bundled
 * correctly.
 */
function findProjectRoot() {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (dir !== path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "package.json"))) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}

let root: string | undefined;
let checked: string | undefined;

/** The absolute folder files are kept in. Throws if it is inside the web root. */
export function uploadDir(): string {
  root ??= findProjectRoot();
  const dir = path.resolve(root, env().UPLOAD_DIR);
  if (checked !== dir) {
    for (const webRoot of [path.join(root, "public"), path.join(root, "build", "client")]) {
      if (dir === webRoot || dir.startsWith(webRoot + path.sep)) {
        throw new Error(`UPLOAD_DIR (${dir}) must not be inside the web root (${webRoot}).`);
      }
    }
    checked = dir;
  }
  return dir;
}

function pathOf(storageKey: string) {
  if (!isStorageKey(storageKey)) throw new Error("Not a storage key.");
  return path.join(uploadDir(), ...storageKey.split("/"));
}

export type StoredFile = { storageKey: string; sha256: string; sizeBytes: number };

export function sha256Of(bytes: Uint8Array) {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Writes the bytes under a new random key (mode 0600, folders 0700, created
 * as needed). The file appears whole or not at all: it is written beside its
 * place and renamed into it.
 */
export async function storeFile(bytes: Uint8Array, now = new Date()): Promise<StoredFile> {
  const { storageKey, target, partial } = await newPlace(now);
  try {
    await fsp.writeFile(partial, bytes, { mode: 0o600, flag: "wx" });
    await fsp.rename(partial, target);
  } catch (error) {
    await fsp.rm(partial, { force: true });
    throw error;
  }
  return { storageKey, sha256: sha256Of(bytes), sizeBytes: bytes.byteLength };
}

/** A new random key, its file's path, and the path to write it at before it is renamed into place (its folder made). */
async function newPlace(now: Date) {
  const month = String(now.getUTCMonth() + 1).padStart(2, "0");
  const storageKey = `${now.getUTCFullYear()}/${month}/${randomUUID()}`;
  const target = pathOf(storageKey);
  await fsp.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  return { storageKey, target, partial: `${target}.part` };
}

/** More bytes came than a stored stream may hold. */
export class StoredFileTooLarge extends Error {}

/**
 * A file written as it arrives, for what is too large to hold in memory: write
 * to `stream`, then `keep()` renames it into place under its key (as
 * storeFile, whole or not at all), or `discard()` removes it.
 */
export async function storedFileWriter(now = new Date()) {
  const { storageKey, target, partial } = await newPlace(now);
  const stream = fs.createWriteStream(partial, { mode: 0o600, flags: "wx" });
  await new Promise((resolve, reject) => stream.once("open", resolve).once("error", reject));
  const closed = () => new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return {
    storageKey,
    stream,
    async keep() {
      await closed();
      await fsp.rename(partial, target);
      return storageKey;
    },
    async discard() {
      stream.destroy();
      await fsp.rm(partial, { force: true });
    },
  };
}

/**
 * Writes a stream under a new random key, counting and hashing it as it goes;
 * once more than `maxBytes` have come it stops reading, keeps nothing and
 * throws StoredFileTooLarge.
 */
export async function storeStream(data: AsyncIterable<Uint8Array>, maxBytes: number, now = new Date()): Promise<StoredFile> {
  const file = await storedFileWriter(now);
  const hash = createHash("sha256");
  let sizeBytes = 0;
  try {
    for await (const chunk of data) {
      sizeBytes += chunk.byteLength;
      if (sizeBytes > maxBytes) throw new StoredFileTooLarge();
      hash.update(chunk);
      if (!file.stream.write(chunk)) await once(file.stream, "drain");
    }
    await file.keep();
  } catch (error) {
    await file.discard();
    throw error;
  }
  return { storageKey: file.storageKey, sha256: hash.digest("hex"), sizeBytes };
}

/** A stored file as a Node stream (for readers that take one), or null when there is no such file. */
export function openStoredFile(storageKey: string) {
  const file = pathOf(storageKey);
  return fs.existsSync(file) ? fs.createReadStream(file) : null;
}

/** The whole file, or null when there is no such file. */
export async function readDocument(storageKey: string): Promise<Buffer | null> {
  try {
    return await fsp.readFile(pathOf(storageKey));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/** The file as a web stream with its size, or null when there is no such file. */
export async function openDocumentStream(storageKey: string): Promise<{ stream: ReadableStream<Uint8Array>; sizeBytes: number } | null> {
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(pathOf(storageKey), "r");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    const stream = createReadableStreamFromReadable(handle.createReadStream({ autoClose: true })) as ReadableStream<Uint8Array>;
    return { stream, sizeBytes: size };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** Deletes a stored file; false when it was already gone. */
export async function deleteStoredFile(storageKey: string): Promise<boolean> {
  try {
    await fsp.unlink(pathOf(storageKey));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}
