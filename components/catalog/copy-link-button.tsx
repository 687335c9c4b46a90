'use client';

import { useState } from 'react';

/** Copies the current page address, so a filtered view can be pasted into chat or a ticket. */
export function CopyLinkButton() {
  const [copied, setCopied] = useState(false);
  async function copy() {
    await navigator.clipboard.writeText(window.location.href);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  }
  return (
    <button
      type="button"
      onClick={() => void copy()}
      className="no-print rounded-md border border-slate-300 px-2.5 py-1 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
    >
      <span aria-live="polite">{copied ? 'Link copied' : 'Copy link to this view'}</span>
    </button>
  );
}
