import type { ReactNode } from 'react';

/** A console page: its title (the page's one h1), actions on the right, then the content. */
export function ConsolePage({ title, extra, children }: { title: ReactNode; extra?: ReactNode; children: ReactNode }) {
  return (
    <section className="console-page">
      <header className="console-page-head">
        <h1 className="console-page-title">{title}</h1>
        {extra ? <div className="console-page-extra">{extra}</div> : null}
      </header>
      {children}
    </section>
  );
}
