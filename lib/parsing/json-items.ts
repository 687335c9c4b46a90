import { overBudget, type ReadBudgets } from '../model/budgets';
import { jsonErrorOffset } from './json-error-offset';

/**
 * Reads one JSON document as it arrives, chunk by chunk, and hands over each element of its top-level `items`
 * array as soon as it is complete: a LIST page or a `kubectl get -o json` file never exists as one string. Only
 * the structure around the items is tracked here (one pass over the bytes, no recursion); each element and each
 * other top-level field is cut out and parsed by JSON.parse, so it must fit the budgets first: bytes, nesting
 * depth and string length. An element over a budget is skipped and reported, and reading goes on.
 */

export type JsonBudgets = Pick<ReadBudgets, 'objectBytes' | 'depth' | 'stringBytes' | 'nodes'>;

/** The budgets one item of a list is held to. */
export type ItemBudget = keyof JsonBudgets;

/** Why an item over one of its budgets was skipped, in the words every list reader uses. */
export function itemOverBudget(budget: ItemBudget, budgets: JsonBudgets): string {
  const limit = overBudget(budget, budgets[budget]);
  switch (budget) {
    case 'objectBytes':
      return `larger than ${limit}`;
    case 'stringBytes':
      return `holds a string longer than ${limit}`;
    case 'depth':
      return `nested deeper than ${limit} levels`;
    case 'nodes':
      return `holds more than ${limit} values`;
  }
}

/** Where a JSON document stops being valid, with a message that says why. */
export class JsonStreamError extends Error {
  override readonly name = 'JsonStreamError';
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

export interface JsonItemHandlers {
  /** An element of the top-level `items` array, parsed. */
  item(value: unknown, index: number): void;
  /** An element that was over a budget and not parsed; `reason` names the budget and its setting. */
  skipped(index: number, reason: string): void;
  /**
   * A top-level field other than `items`, as soon as it is complete: a LIST page's `metadata` (with its continue
   * token) comes before its items, so the next page can be asked for while this one is still arriving.
   */
  field?(name: string, value: unknown): void;
}

/** What surrounded the items: the other top-level fields, parsed, and whether there was an items array at all. */
export interface JsonTopLevel {
  fields: Record<string, unknown>;
  /** Fields over a budget, by name, with the reason. */
  skippedFields: Record<string, string>;
  list: boolean;
  items: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
const BOM = [0xef, 0xbb, 0xbf];
const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
const opens = (b: number) => b === 0x7b || b === 0x5b;
const closes = (b: number) => b === 0x7d || b === 0x5d;

type Mode =
  | 'start'
  | 'key-or-end'
  | 'key'
  | 'colon'
  | 'value'
  | 'comma-or-end'
  | 'element-or-end'
  | 'element'
  | 'element-comma-or-end'
  | 'done';

/** A value being cut out of the stream. */
interface Capture {
  target: 'item' | 'field' | 'key';
  kind: 'container' | 'string' | 'primitive';
  /** Copies of the value's bytes from earlier chunks (a value cut by a chunk boundary). */
  parts: Buffer[];
  /** Where the value's bytes not yet copied begin in the current chunk; -1 when all are copied. */
  pending: number;
  /** The value's text, once it is complete and within its budgets. */
  text?: string;
  /** While a dropped field's value is being passed over: the depth at which it ends. */
  skipTo?: number;
  bytes: number;
  depth: number;
  inString: boolean;
  escaped: boolean;
  stringBytes: number;
  values: number;
  over?: string;
  line: number;
  column: number;
}

const KEY_LIMIT = 1024;

/** What a reader may leave out of each item. */
export interface JsonItemOptions {
  /**
   * Each item's `metadata.managedFields` arrives as `[]`: a Kubernetes object's field-ownership records are often
   * half its bytes, and most projections never read them. They are passed over by the scan for structure (and still
   * count against the budgets) but never parsed.
   */
  dropManagedFields?: boolean;
}

const MANAGED_FIELDS_KEY = Buffer.from('"managedFields"');
const EMPTY_ARRAY = Buffer.from('[]');

/**
 * Where the value of a `"managedFields":` key starting at `i` begins, when that value is an array wholly readable
 * from here: the index of its `[`. -1 otherwise (another key, or the key cut by the end of the chunk: then the
 * field is simply kept). An unescaped quote cannot occur inside a JSON string, so a match is a real key.
 */
function managedFieldsArrayAt(buf: Buffer, i: number): number {
  const end = i + MANAGED_FIELDS_KEY.length;
  if (end > buf.length || buf.compare(MANAGED_FIELDS_KEY, 0, MANAGED_FIELDS_KEY.length, i, end) !== 0) return -1;
  let j = end;
  while (j < buf.length && isSpace(buf[j] ?? 0)) j += 1;
  if (buf[j] !== 0x3a) return -1;
  j += 1;
  while (j < buf.length && isSpace(buf[j] ?? 0)) j += 1;
  return buf[j] === 0x5b ? j : -1;
}

export class JsonItemStream {
  private mode: Mode = 'start';
  private capture: Capture | undefined;
  private key = '';
  private line = 1;
  private lineStart = 0;
  private offset = 0;
  private headBytes = 0;
  private readonly top: JsonTopLevel = { fields: {}, skippedFields: {}, list: false, items: 0 };

  constructor(
    private readonly budgets: JsonBudgets,
    private readonly handlers: JsonItemHandlers,
    private readonly options: JsonItemOptions = {},
  ) {}

  /** Reads the next chunk. Throws JsonStreamError where the document stops being JSON. */
  write(chunk: Uint8Array): void {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let i = 0;
    if (this.capture && this.capture.skipTo === undefined) this.capture.pending = 0;
    while (i < buf.length) {
      if (this.capture) {
        i = this.continueCapture(buf, i);
        continue;
      }
      const b = buf[i] ?? 0;
      if (isSpace(b)) {
        if (b === NEWLINE) this.newline(this.offset + i);
        i += 1;
        continue;
      }
      i = this.structural(buf, i, b);
    }
    // A value opened on this chunk's last byte: nothing scanned it yet, so its first byte is copied here.
    const c = this.capture;
    if (c && c.skipTo === undefined && c.pending >= 0 && c.pending < buf.length && c.over === undefined) {
      c.parts.push(Buffer.from(buf.subarray(c.pending)));
      c.pending = -1;
    }
    this.offset += buf.length;
  }

  /** The top-level fields read so far (a LIST names its apiVersion and kind before its items). */
  fieldsSoFar(): Readonly<Record<string, unknown>> {
    return this.top.fields;
  }

  /** The end of the document. Throws JsonStreamError when it was cut short. */
  end(): JsonTopLevel {
    if (this.mode !== 'done' || this.capture) {
      throw this.error(
        this.mode === 'start' ? 'the document is empty' : 'the document ends before its last value is closed',
        this.offset,
      );
    }
    return this.top;
  }

  private newline(at: number): void {
    this.line += 1;
    this.lineStart = at + 1;
  }

  private error(message: string, at: number): JsonStreamError {
    const column = at - this.lineStart + 1;
    return new JsonStreamError(`${message} at line ${this.line}, column ${column}`, this.line, column);
  }

  private unexpected(b: number, at: number, expected: string): JsonStreamError {
    const shown = b >= 0x20 && b < 0x7f ? `'${String.fromCharCode(b)}'` : `byte 0x${b.toString(16)}`;
    return this.error(`expected ${expected} but found ${shown}`, at);
  }

  /** One byte of the structure around the values: braces, the items array, keys, colons and commas. */
  private structural(buf: Buffer, i: number, b: number): number {
    const at = this.offset + i;
    switch (this.mode) {
      case 'start':
        if (b === 0x7b) return this.enter('key-or-end', i);
        // A UTF-8 byte order mark (what some Windows editors write first).
        if (at < 3 && b === BOM[at]) {
          this.lineStart = at + 1;
          return i + 1;
        }
        if (b === 0x5b) throw this.error('the document is a JSON array, not an object', at);
        throw this.unexpected(b, at, 'a JSON object');
      case 'key-or-end':
      case 'key':
        if (b === 0x7d && this.mode === 'key-or-end') return this.enter('done', i);
        if (b !== QUOTE) throw this.unexpected(b, at, 'a quoted key');
        this.startCapture('key', 'string', buf, i);
        return i + 1;
      case 'colon':
        if (b !== 0x3a) throw this.unexpected(b, at, "':'");
        return this.enter('value', i);
      case 'value':
        if (this.key === 'items' && b === 0x5b) {
          this.top.list = true;
          return this.enter('element-or-end', i);
        }
        return this.startValue('field', buf, i, b);
      case 'comma-or-end':
        if (b === 0x2c) return this.enter('key', i);
        if (b === 0x7d) return this.enter('done', i);
        throw this.unexpected(b, at, "',' or '}'");
      case 'element-or-end':
      case 'element':
        if (b === 0x5d && this.mode === 'element-or-end') return this.enter('comma-or-end', i);
        return this.startValue('item', buf, i, b);
      case 'element-comma-or-end':
        if (b === 0x2c) return this.enter('element', i);
        if (b === 0x5d) return this.enter('comma-or-end', i);
        throw this.unexpected(b, at, "',' or ']'");
      case 'done':
        throw this.error('unexpected data after the end of the document', at);
    }
  }

  private enter(mode: Mode, i: number): number {
    this.mode = mode;
    return i + 1;
  }

  private startValue(target: 'item' | 'field', buf: Buffer, i: number, b: number): number {
    if (closes(b) || b === 0x2c || b === 0x3a) throw this.unexpected(b, this.offset + i, 'a value');
    const kind = opens(b) ? 'container' : b === QUOTE ? 'string' : 'primitive';
    this.startCapture(target, kind, buf, i);
    return kind === 'primitive' ? i : i + 1;
  }

  private startCapture(target: Capture['target'], kind: Capture['kind'], buf: Buffer, i: number): void {
    const at = this.offset + i;
    this.capture = {
      target,
      kind,
      parts: [],
      pending: i,
      bytes: kind === 'primitive' ? 0 : 1,
      depth: kind === 'container' ? 1 : 0,
      inString: kind === 'string',
      escaped: false,
      stringBytes: 0,
      values: 1,
      line: this.line,
      column: at - this.lineStart + 1,
    };
  }

  private limitOf(c: Capture): number {
    return c.target === 'key' ? KEY_LIMIT : this.budgets.objectBytes;
  }

  /**
   * Accounts for the bytes scanned up to `to` (of a value whose scan started at `from` in this chunk). A complete
   * value within its budgets gets its text straight from the chunk when it lies in it whole (most items do: no
   * copy), else from its copied parts; an incomplete one copies its bytes so far, since the caller may reuse its
   * chunk.
   */
  private settle(c: Capture, buf: Buffer, from: number, to: number, complete: boolean): void {
    c.bytes += to - from;
    if (c.over === undefined && c.bytes > this.limitOf(c)) {
      c.over = itemOverBudget('objectBytes', this.budgets);
      c.parts = [];
    }
    if (c.over === undefined) {
      if (!complete) {
        if (c.skipTo === undefined) c.parts.push(Buffer.from(buf.subarray(c.pending, to)));
      } else if (c.parts.length === 0) c.text = buf.toString('utf8', c.pending, to);
      else c.text = Buffer.concat([...c.parts, buf.subarray(c.pending, to)]).toString('utf8');
    }
    c.pending = -1;
    if (complete) this.finishCapture();
  }

  /** Scans the value being captured from `i`; returns where it stopped (the end of the chunk or of the value). */
  private continueCapture(buf: Buffer, from: number): number {
    const c = this.capture;
    if (!c) return from;
    let i = from;
    if (c.kind === 'primitive') {
      while (i < buf.length) {
        const b = buf[i] ?? 0;
        if (isSpace(b) || b === 0x2c || closes(b)) break;
        i += 1;
      }
      this.settle(c, buf, from, i, i < buf.length);
      return i;
    }
    // Next quote and backslash in this chunk, found with indexOf and reused until passed (-1: none left).
    let quote = -2;
    let slash = -2;
    while (i < buf.length) {
      if (c.inString) {
        if (c.escaped) {
          c.escaped = false;
          c.stringBytes += 1;
          i += 1;
          continue;
        }
        if (quote !== -1 && quote < i) quote = buf.indexOf(QUOTE, i);
        if (slash !== -1 && slash < i) slash = buf.indexOf(BACKSLASH, i);
        if (slash >= 0 && (quote < 0 || slash < quote)) {
          c.stringBytes += slash - i + 1;
          c.escaped = true;
          i = slash + 1;
        } else if (quote >= 0) {
          c.stringBytes += quote - i;
          c.inString = false;
          i = quote + 1;
        } else {
          c.stringBytes += buf.length - i;
          i = buf.length;
        }
        if (c.stringBytes > this.budgets.stringBytes && c.over === undefined && c.target !== 'key') {
          c.over = itemOverBudget('stringBytes', this.budgets);
          c.parts = [];
        }
        if (!c.inString) {
          c.stringBytes = 0;
          if (c.kind === 'string') break;
        }
        continue;
      }
      const b = buf[i] ?? 0;
      if (
        b === QUOTE &&
        c.depth === 2 &&
        c.target === 'item' &&
        this.options.dropManagedFields &&
        c.skipTo === undefined
      ) {
        const value = managedFieldsArrayAt(buf, i);
        if (value >= 0) {
          // Keep the key, put `[]` in place of its value, and pass over the value's bytes without keeping them.
          if (c.over === undefined) c.parts.push(Buffer.from(buf.subarray(c.pending, value)), EMPTY_ARRAY);
          c.skipTo = 2;
          c.pending = -1;
          i = value;
          continue;
        }
      }
      i += 1;
      if (b === QUOTE) c.inString = true;
      else if (b === 0x2c) this.countValue(c);
      else if (opens(b)) {
        this.countValue(c);
        c.depth += 1;
        if (c.depth > this.budgets.depth && c.over === undefined) {
          c.over = itemOverBudget('depth', this.budgets);
          c.parts = [];
        }
      } else if (closes(b)) {
        c.depth -= 1;
        if (c.depth === c.skipTo) {
          c.skipTo = undefined;
          c.pending = i;
        }
        if (c.depth === 0) break;
      } else if (b === NEWLINE) this.newline(this.offset + i - 1);
    }
    this.settle(c, buf, from, i, c.kind === 'string' ? !c.inString : c.depth === 0);
    return i;
  }

  /** One more value in the capture: JSON.parse needs memory per value, so their number is budgeted too. */
  private countValue(c: Capture): void {
    c.values += 1;
    if (c.values > this.budgets.nodes && c.over === undefined && c.target !== 'key') {
      c.over = itemOverBudget('nodes', this.budgets);
      c.parts = [];
    }
  }

  private finishCapture(): void {
    const c = this.capture;
    if (!c) return;
    this.capture = undefined;
    if (c.target === 'key') {
      if (c.over !== undefined) throw this.error('a top-level key is longer than 1 KiB', this.offset);
      this.key = String(this.parse(c));
      this.mode = 'colon';
      return;
    }
    if (c.target === 'item') {
      const index = this.top.items;
      this.top.items += 1;
      this.mode = 'element-comma-or-end';
      if (c.over !== undefined) return this.handlers.skipped(index, c.over);
      this.handlers.item(this.parse(c), index);
      return;
    }
    this.mode = 'comma-or-end';
    this.headBytes += c.bytes;
    const over =
      c.over ?? (this.headBytes > this.budgets.objectBytes ? itemOverBudget('objectBytes', this.budgets) : undefined);
    if (over !== undefined) {
      this.top.skippedFields[this.key] = over;
      return;
    }
    const value = this.parse(c);
    this.top.fields[this.key] = value;
    this.handlers.field?.(this.key, value);
  }

  /** JSON.parse of a captured value; a syntax error is placed at its line and column in the document. */
  private parse(c: Capture): unknown {
    const text = c.text ?? Buffer.concat(c.parts).toString('utf8');
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const at = jsonErrorOffset(text);
      let line = c.line;
      let column = c.column;
      for (let k = 0; k < at && k < text.length; k += 1) {
        if (text.charCodeAt(k) === NEWLINE) {
          line += 1;
          column = 1;
        } else column += 1;
      }
      const short = (reason.split(/,\s|\s+in JSON at position/)[0] ?? reason).replace(/\s+/g, ' ').slice(0, 120);
      throw new JsonStreamError(`${short} at line ${line}, column ${column}`, line, column);
    }
  }
}
