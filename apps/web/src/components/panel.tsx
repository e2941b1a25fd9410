import type { ReactNode } from 'react';

/**
 * A titled section that looks like an Ant Design card without its weight (antd's Card brings Tabs,
 * Dropdown and Menu along): for pages in the portal's first load.
 */
export function Panel({ title, id, children, className }: { title: ReactNode; id: string; children: ReactNode; className?: string }) {
  return (
    <section className={className ? `panel ${className}` : 'panel'} aria-labelledby={id}>
      <header className="panel-head">
        <h2 id={id} className="section-title">
          {title}
        </h2>
      </header>
      <div className="panel-body">{children}</div>
    </section>
  );
}
