import { createHmac } from 'node:crypto';
import { isReadableName } from './readable';

/** What a token stands for; the prefix of the token says it. */
export type TokenKind = 'ns' | 'name' | 'node' | 'image' | 'helm' | 'cluster' | 'server' | 'user' | 'ip' | 'value';

/** Hex characters of a token: 32 bits keeps tokens short; a collision inside one report lengthens the token. */
const SHORT_HEX = 8;
const FINDING_ID_HEX = 20;

/**
 * Maps names to stable tokens with HMAC-SHA256 under a salt. The hex part identifies the original string, so the
 * same string gets the same hex wherever it appears; the prefix says which role it plays there (`ns-…`, `name-…`).
 * Every string given a token is remembered, so free text can be scrubbed of it afterwards.
 */
export class Tokenizer {
  private readonly hexOf = new Map<string, string>();
  private readonly inputOfHex = new Map<string, string>();
  /** Original string → the token free text shows for it (the first role it was seen in). */
  readonly known = new Map<string, string>();

  constructor(private readonly salt: string | Uint8Array) {}

  /** The token of `input` in the role `kind`, or `input` itself when it is a readable Kubernetes name. */
  token(kind: TokenKind, input: string): string {
    if (input === '' || isReadableName(input)) return input;
    const token = `${kind}-${this.hex(input)}`;
    if (!this.known.has(input)) this.known.set(input, token);
    return token;
  }

  /** A finding id under the salt: same length as an unredacted id, so ids still match across scans. */
  findingId(id: string): string {
    return this.digest(`finding\u0000${id}`).slice(0, FINDING_ID_HEX);
  }

  /** A fingerprint of the salt that reveals nothing about it, so two redacted reports can tell they share one. */
  saltId(): string {
    return this.digest('release-lens/salt-id').slice(0, 16);
  }

  private hex(input: string): string {
    const existing = this.hexOf.get(input);
    if (existing !== undefined) return existing;
    const full = this.digest(`name\u0000${input}`);
    let length = SHORT_HEX;
    let hex = full.slice(0, length);
    // Two strings sharing a prefix would merge two objects in the redacted view: lengthen until unique.
    while (this.inputOfHex.has(hex) && length < full.length) {
      length += SHORT_HEX;
      hex = full.slice(0, length);
    }
    this.hexOf.set(input, hex);
    this.inputOfHex.set(hex, input);
    return hex;
  }

  private digest(text: string): string {
    return createHmac('sha256', this.salt).update(text).digest('hex');
  }
}
