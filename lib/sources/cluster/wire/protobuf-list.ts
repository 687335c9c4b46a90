import {
  itemOverBudget,
  type ItemBudget,
  type JsonBudgets,
  type JsonItemHandlers,
  type JsonTopLevel,
} from '../../../parsing/json-items';

/**
 * Reads a LIST page the API server sent as protobuf, chunk by chunk, and hands over each item as soon as its bytes
 * are in, as the JSON reader does (lib/parsing/json-items.ts), with the same handlers and budgets. The answer is the
 * 4-byte `k8s\0` prefix, then a runtime.Unknown whose `raw` field holds the list message; the list's `metadata`
 * (field 1, with the continue token) precedes its `items` (field 2). Only those two levels are framed here, by their
 * tags and lengths; every message is decoded by protobufjs (`decodeItem`, `decodeMetadata`).
 */

/** Where a protobuf answer stops making sense, with a message that says why. */
export class ProtobufStreamError extends Error {
  override readonly name = 'ProtobufStreamError';
}

export interface ProtobufListDecoder {
  /** One item's bytes as the object its JSON would have parsed to, or the budget it passed. */
  item(bytes: Uint8Array): { value: unknown; over?: Exclude<ItemBudget, 'objectBytes'> };
  /** The list's metadata as its JSON object ({ continue, resourceVersion, remainingItemCount }). */
  metadata(bytes: Uint8Array): unknown;
}

/** The Content-Type of a protobuf answer. */
export const PROTOBUF_CONTENT_TYPE = 'application/vnd.kubernetes.protobuf';

const MAGIC = [0x6b, 0x38, 0x73, 0x00];
/** runtime.Unknown: field 2 is the list's bytes. */
const UNKNOWN_RAW = 2;
/** A list message: 1 is its ListMeta, 2 each item. */
const LIST_METADATA = 1;
const LIST_ITEM = 2;
const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_BYTES = 2;
const WIRE_FIXED32 = 5;

/** A value being collected: its bytes so far, or only counted when it is passed over. */
interface Payload {
  field: number;
  inList: boolean;
  need: number;
  parts: Buffer[];
  skip: boolean;
}

/** A varint at `i`: [value, next index], or undefined when the buffer ends first. Throws past 5 bytes of length. */
function varint(buf: Buffer, i: number): [number, number] | undefined {
  let value = 0;
  for (let shift = 0, j = i; j < buf.length; shift += 7, j += 1) {
    const b = buf[j] as number;
    if (shift >= 35) throw new ProtobufStreamError('a length or tag is longer than 32 bits');
    value += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) return [value, j + 1];
  }
  return undefined;
}

export class ProtobufListStream {
  private magic = 0;
  /** Bytes of a tag or length cut by the end of the previous chunk. */
  private carry: Buffer | undefined;
  private payload: Payload | undefined;
  /** Bytes of the list not read yet; -1 outside it. */
  private listLeft = -1;
  private readonly top: JsonTopLevel = { fields: {}, skippedFields: {}, list: false, items: 0 };

  constructor(
    private readonly budgets: JsonBudgets,
    private readonly decoder: ProtobufListDecoder,
    private readonly handlers: JsonItemHandlers,
  ) {}

  /** Reads the next chunk. Throws ProtobufStreamError where the answer stops making sense. */
  write(chunk: Uint8Array): void {
    let buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let i = 0;
    while (this.magic < MAGIC.length && i < buf.length) {
      if (buf[i] !== MAGIC[this.magic]) throw new ProtobufStreamError('the answer does not start with k8s\\0');
      this.magic += 1;
      i += 1;
    }
    if (this.carry) {
      buf = Buffer.concat([this.carry, buf.subarray(i)]);
      this.carry = undefined;
      i = 0;
    }
    while (i < buf.length) {
      if (this.payload) {
        i = this.collect(this.payload, buf, i);
        continue;
      }
      const header = this.header(buf, i);
      if (header === undefined) {
        this.carry = Buffer.from(buf.subarray(i));
        return;
      }
      i = header;
    }
  }

  /** The end of the answer. Throws when it was cut short. */
  end(): JsonTopLevel {
    if (this.magic < MAGIC.length) throw new ProtobufStreamError('the answer is empty');
    if (this.carry || this.payload || this.listLeft > 0) {
      throw new ProtobufStreamError('the answer ends before its last value is complete');
    }
    return this.top;
  }

  /** Bytes consumed inside the list count against it; a value may not run past its end. */
  private consume(n: number): void {
    if (this.listLeft < 0) return;
    this.listLeft -= n;
    if (this.listLeft < 0) throw new ProtobufStreamError('a value runs past the end of the list');
  }

  /** Reads one field's tag (and length), and starts its value. Undefined when the chunk ends inside them. */
  private header(buf: Buffer, i: number): number | undefined {
    const tag = varint(buf, i);
    if (!tag) return undefined;
    const [key, afterTag] = tag;
    const field = Math.floor(key / 8);
    const wire = key % 8;
    const inList = this.listLeft >= 0;
    let start = afterTag;
    let need: number;
    switch (wire) {
      case WIRE_VARINT: {
        // A number this reader has no use for: passed over (up to 10 bytes).
        let j = afterTag;
        while (j < buf.length && (buf[j] as number) >= 0x80) j += 1;
        if (j >= buf.length) return undefined;
        this.consume(j + 1 - i);
        this.listEnds();
        return j + 1;
      }
      case WIRE_FIXED64:
        need = 8;
        break;
      case WIRE_FIXED32:
        need = 4;
        break;
      case WIRE_BYTES: {
        const length = varint(buf, afterTag);
        if (!length) return undefined;
        [need, start] = length;
        break;
      }
      default:
        throw new ProtobufStreamError(`unexpected wire type ${wire}`);
    }
    this.consume(start - i);
    if (!inList && wire === WIRE_BYTES && field === UNKNOWN_RAW) {
      // The list itself: its fields are read one by one from here.
      if (this.top.list) throw new ProtobufStreamError('the answer holds two lists');
      this.top.list = true;
      this.listLeft = need;
      this.listEnds();
      return start;
    }
    const wanted = inList && wire === WIRE_BYTES && (field === LIST_METADATA || field === LIST_ITEM);
    const payload: Payload = { field, inList, need, parts: [], skip: !wanted };
    if (wanted && need > this.budgets.objectBytes) {
      payload.skip = true;
      this.over(field, itemOverBudget('objectBytes', this.budgets));
    }
    this.payload = payload;
    if (need === 0) this.finish(payload);
    return start;
  }

  private collect(p: Payload, buf: Buffer, i: number): number {
    const take = Math.min(p.need, buf.length - i);
    if (!p.skip)
      p.parts.push(
        p.need === take && p.parts.length === 0 ? buf.subarray(i, i + take) : Buffer.from(buf.subarray(i, i + take)),
      );
    p.need -= take;
    if (p.inList) this.consume(take);
    if (p.need === 0) this.finish(p);
    return i + take;
  }

  private over(field: number, reason: string): void {
    if (field === LIST_ITEM) {
      this.handlers.skipped(this.top.items, reason);
      this.top.items += 1;
    } else this.top.skippedFields.metadata = reason;
  }

  private finish(p: Payload): void {
    this.payload = undefined;
    if (!p.skip) {
      const bytes = p.parts.length === 1 ? (p.parts[0] as Buffer) : Buffer.concat(p.parts);
      if (p.field === LIST_METADATA) {
        const meta = this.decode(() => this.decoder.metadata(bytes));
        this.top.fields.metadata = meta;
        this.handlers.field?.('metadata', meta);
      } else {
        const { value, over } = this.decode(() => this.decoder.item(bytes));
        if (over) this.over(LIST_ITEM, itemOverBudget(over, this.budgets));
        else {
          this.handlers.item(value, this.top.items);
          this.top.items += 1;
        }
      }
    }
    this.listEnds();
  }

  private listEnds(): void {
    if (this.listLeft === 0) this.listLeft = -1;
  }

  private decode<T>(run: () => T): T {
    try {
      return run();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ProtobufStreamError(`an object could not be decoded (${reason.slice(0, 120)})`);
    }
  }
}
