// The line each reference in a file was first on, to find a reference given
// twice, held compactly: the references' UTF-8 bytes end to end in one buffer
// and an open-addressing table of where each starts, outside the JavaScript
// heap. A Map of 200,000 strings took little room itself, but kept the heap
// (and the process's memory) growing with the file.
const EMPTY = 0;

export class FirstLines {
  #bytes = Buffer.alloc(1 << 16); // each reference: its length (2 bytes), then its bytes
  #used = 0;
  #starts = new Uint32Array(1 << 12); // where a reference starts in #bytes, plus one (EMPTY: a free slot)
  #hashes = new Uint32Array(1 << 12);
  #lines = new Uint32Array(1 << 12);
  #count = 0;

  /** The line `reference` was first on; or, when it is new, undefined, and it is noted as on `line`. */
  firstLine(reference: string, line: number): number | undefined {
    if (this.#used + 2 + reference.length * 3 > this.#bytes.length) this.#growBytes(reference.length * 3);
    const start = this.#used;
    const length = this.#bytes.write(reference, start + 2);
    let hash = 0x811c9dc5; // FNV-1a
    for (let i = start + 2; i < start + 2 + length; i++) hash = Math.imul(hash ^ this.#bytes[i]!, 0x01000193) >>> 0;
    const mask = this.#starts.length - 1;
    let slot = hash & mask;
    for (; this.#starts[slot] !== EMPTY; slot = (slot + 1) & mask) {
      const other = this.#starts[slot]! - 1;
      if (
        this.#hashes[slot] === hash &&
        this.#bytes.readUInt16LE(other) === length &&
        this.#bytes.compare(this.#bytes, other + 2, other + 2 + length, start + 2, start + 2 + length) === 0
      ) {
        return this.#lines[slot];
      }
    }
    this.#bytes.writeUInt16LE(length, start);
    this.#used += 2 + length;
    this.#starts[slot] = start + 1;
    this.#hashes[slot] = hash;
    this.#lines[slot] = line;
    if (++this.#count * 2 > this.#starts.length) this.#growTable();
    return undefined;
  }

  #growBytes(atLeast: number) {
    const bytes = Buffer.alloc(Math.max(this.#bytes.length * 2, this.#used + 2 + atLeast));
    this.#bytes.copy(bytes, 0, 0, this.#used);
    this.#bytes = bytes;
  }

  #growTable() {
    const [starts, hashes, lines] = [this.#starts, this.#hashes, this.#lines];
    this.#starts = new Uint32Array(starts.length * 2);
    this.#hashes = new Uint32Array(starts.length * 2);
    this.#lines = new Uint32Array(starts.length * 2);
    const mask = this.#starts.length - 1;
    for (let i = 0; i < starts.length; i++) {
      if (starts[i] === EMPTY) continue;
      let slot = hashes[i]! & mask;
      while (this.#starts[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.#starts[slot] = starts[i]!;
      this.#hashes[slot] = hashes[i]!;
      this.#lines[slot] = lines[i]!;
    }
  }
}
