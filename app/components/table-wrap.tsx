import type { ReactNode } from "react";

/**
 * The horizontal scroll box around a wide table. It is a named, focusable region so that a keyboard user can
 * scroll it (axe `scrollable-region-focusable`); the name says which table it holds.
 */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
