import type { ReactNode } from 'react';

/** A titled region of the officer's case view. */
export function Panel({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
