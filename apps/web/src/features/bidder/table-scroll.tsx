import type { ReactNode } from 'react';

/** A table that may scroll sideways on a phone: focusable and named, so a keyboard can scroll it too. */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // Focusable: a region that scrolls must be reachable by keyboard (WCAG 2.1.1).
    <div className="table-scroll" tabIndex={0} role="group" aria-label={label}>
      {children}
    </div>
  );
}

/** A table's "nothing here" text, in body grey: antd's placeholder grey is too faint to read (1.8:1). */
export function EmptyText({ children }: { children: ReactNode }) {
  return <span className="table-empty">{children}</span>;
}
