import { readFile } from 'node:fs/promises';
import { sleep } from './wait';

/** The fields of an audit.k8s.io/v1 Event that tests look at (Metadata level). */
export interface AuditEvent {
  auditID: string;
  stage: 'RequestReceived' | 'ResponseStarted' | 'ResponseComplete' | 'Panic';
  verb: string;
  requestURI: string;
  user: { username: string; groups?: string[] };
  userAgent?: string;
  objectRef?: {
    resource?: string;
    namespace?: string;
    name?: string;
    apiGroup?: string;
    apiVersion?: string;
    subresource?: string;
  };
  responseStatus?: { code?: number };
  annotations?: Record<string, string>;
  requestReceivedTimestamp?: string;
}

export interface ReadAuditOptions {
  /** Poll until this returns true for the events read so far (or the timeout passes). */
  until?: (events: AuditEvent[]) => boolean;
  /** Default 5000 ms. */
  timeoutMs?: number;
  /** Only ResponseComplete lines (default true): one line per finished request. */
  completeOnly?: boolean;
}

async function readOnce(path: string, completeOnly: boolean): Promise<AuditEvent[]> {
  const text = await readFile(path, 'utf8').catch(() => '');
  const events: AuditEvent[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const event = JSON.parse(line) as AuditEvent;
      if (!completeOnly || event.stage === 'ResponseComplete') events.push(event);
    } catch {
      // A line still being written; the next poll will see it whole.
    }
  }
  return events;
}

/**
 * Reads the JSON-lines audit log. The ResponseComplete line can land just after
 * the client got its response, so without `until` it waits briefly for the log to settle.
 */
export async function readAuditEvents(path: string, opts: ReadAuditOptions = {}): Promise<AuditEvent[]> {
  const completeOnly = opts.completeOnly ?? true;
  const deadline = Date.now() + (opts.timeoutMs ?? 5000);
  let events = await readOnce(path, completeOnly);
  if (opts.until) {
    while (!opts.until(events) && Date.now() < deadline) {
      await sleep(100);
      events = await readOnce(path, completeOnly);
    }
    return events;
  }
  for (;;) {
    await sleep(150);
    const next = await readOnce(path, completeOnly);
    if (next.length === events.length || Date.now() >= deadline) return next;
    events = next;
  }
}
