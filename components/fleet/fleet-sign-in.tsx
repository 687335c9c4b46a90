'use client';

import { useState } from 'react';

/** Asks for the fleet token; it is kept in this tab only. */
export function FleetSignIn({ message, onToken }: { message: string; onToken: (token: string) => void }) {
  const [value, setValue] = useState('');
  return (
    <form
      className="max-w-xl space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800"
      onSubmit={(e) => {
        e.preventDefault();
        if (value.trim()) onToken(value.trim());
      }}
    >
      <p role="status">{message}</p>
      <label className="block text-sm font-medium" htmlFor="fleet-token">
        Fleet token
      </label>
      <input
        id="fleet-token"
        type="password"
        autoComplete="off"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        className="w-full rounded border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900"
      />
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Kept in this tab only. The operator sets fleet tokens with RELEASE_LENS_FLEET_TOKENS.
      </p>
      <button type="submit" className="rounded bg-sky-700 px-3 py-2 text-white hover:bg-sky-800">
        Open the fleet
      </button>
    </form>
  );
}
