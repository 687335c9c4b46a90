'use client';

import { useState } from 'react';

/**
 * Copies a link: the current page address by default (so a filtered view can be pasted into chat or a ticket),
 * or the absolute address of `path`.
 */
export function CopyLinkButton({ path, label }: { path?: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    const href = path === undefined ? window.location.href : new URL(path, window.location.origin).href;
    await navigator.clipboard.writeText(href);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  }
  return (
    <button
      type="button"
      onClick={() => void copy()}
      className="no-print rounded-md border border-slate-300 px-2.5 py-1 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
    >
      <span aria-live="polite">
        {copied ? 'Link copied' : (label ?? (path ? 'Copy link' : 'Copy link to this view'))}
      </span>
    </button>
  );
}
