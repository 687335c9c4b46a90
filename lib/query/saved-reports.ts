'use client';

import { useSyncExternalStore } from 'react';
import type { ReportSummary } from '../model/saved-report';
import { windowEvents } from './window-events';

/**
 * A report this browser saved: its summary, the manage token only the saver received, and (for reports saved since
 * they were kept) when it was scanned and the API server it came from, so the compare form pairs the right reports.
 */
export interface LocalReport extends ReportSummary {
  manageToken: string;
  scannedAt?: string;
  server?: string;
}

const KEY = 'release-lens:saved-reports';
const EVENT = 'release-lens:saved-reports-changed';
const EMPTY: readonly LocalReport[] = [];

function isLocalReport(v: unknown): v is LocalReport {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return typeof r.id === 'string' && typeof r.manageToken === 'string' && typeof r.createdAt === 'string';
}

let cache: { raw: string | null; list: readonly LocalReport[] } = { raw: null, list: EMPTY };

/** The reports this browser saved, newest first (what localStorage holds; nothing on the server lists them). */
export function readSavedReports(): readonly LocalReport[] {
  let raw: string | null = null;
  try {
    raw = window.localStorage.getItem(KEY);
  } catch {
    return EMPTY;
  }
  if (raw === cache.raw) return cache.list;
  let list: readonly LocalReport[] = EMPTY;
  try {
    const parsed: unknown = raw === null ? [] : JSON.parse(raw);
    list = Array.isArray(parsed) ? parsed.filter(isLocalReport) : EMPTY;
  } catch {
    list = EMPTY;
  }
  cache = { raw, list };
  return list;
}

function write(list: readonly LocalReport[]): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(list));
  } catch {
    // A full or disabled storage only costs the "my reports" list, never the report itself.
  }
  window.dispatchEvent(new Event(EVENT));
}

/** Remembers a report this browser just saved. */
export function rememberReport(report: LocalReport): void {
  write([report, ...readSavedReports().filter((r) => r.id !== report.id)].slice(0, 500));
}

/** Forgets a report (after deleting it). */
export function forgetReport(id: string): void {
  write(readSavedReports().filter((r) => r.id !== id));
}

const subscribe = windowEvents(EVENT, 'storage');

/** The reports this browser saved, kept in sync across tabs. */
export function useSavedReports(): readonly LocalReport[] {
  return useSyncExternalStore(subscribe, readSavedReports, () => EMPTY);
}

/** The manage token this browser holds for a report, if it saved it. */
export function useManageToken(id: string): string | undefined {
  return useSavedReports().find((r) => r.id === id)?.manageToken;
}
