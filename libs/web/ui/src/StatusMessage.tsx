import type { ReactNode } from 'react';

/**
 * A polite live region. Render it always (even empty): screen readers only announce changes to a
 * region that already existed.
 */
export function StatusMessage({ children, className }: { children?: ReactNode; className?: string }) {
  return (
    <p role="status" className={`ui-status${children ? ' ui-status--shown' : ''}${className ? ` ${className}` : ''}`}>
      {children}
    </p>
  );
}

/** For failures that need attention now (a request that did not go through). */
export function AlertMessage({ children }: { children?: ReactNode }) {
  return (
    <div role="alert" className={children ? 'ui-alert' : 'ui-alert ui-alert--empty'}>
      {children}
    </div>
  );
}
