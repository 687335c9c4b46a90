'use client';

/** Opens every collapsed section, then the browser's print dialog ("Save as PDF" gives a clean document). */
export function PrintButton() {
  function print() {
    for (const d of document.querySelectorAll('details')) d.open = true;
    window.print();
  }
  return (
    <button
      type="button"
      onClick={print}
      className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
    >
      Print or save as PDF
    </button>
  );
}
