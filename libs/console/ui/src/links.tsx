import { useT, type Locale } from '@plaza/web/i18n';
import type { AnchorHTMLAttributes, ReactNode } from 'react';
import { Link, useLocation } from 'wouter';

// The language lives in `?lang=` (see @plaza/web/i18n), so every console link carries it along;
// otherwise a reload after navigating would fall back to the browser's language.
export function pathWithLang(path: string, locale: Locale): string {
  const [pathname, search = ''] = path.split('?');
  const params = new URLSearchParams(search);
  params.set('lang', locale);
  return `${pathname}?${params.toString()}`;
}

let navigationPending = false;

/** Marks the next location change as the user's, so the new page's heading receives focus. */
export function markNavigation(): void {
  navigationPending = true;
}

export function takeNavigationMark(): boolean {
  const pending = navigationPending;
  navigationPending = false;
  return pending;
}

type ConsoleLinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & {
  /** A console path (`/admin/users`), relative to `/console`. */
  href: string;
  children: ReactNode;
};

export function ConsoleLink({ href, onClick, ...rest }: ConsoleLinkProps) {
  const { locale } = useT();
  return (
    <Link
      href={pathWithLang(href, locale)}
      {...rest}
      onClick={(event) => {
        markNavigation();
        onClick?.(event);
      }}
    />
  );
}

/** A navigation link that says which page is the current one (aria-current), for sighted and AT users alike. */
export function NavLink({ href, exact = false, children }: { href: string; exact?: boolean; children: ReactNode }) {
  const [location] = useLocation();
  const current = exact ? location === href : location === href || location.startsWith(`${href}/`);
  return (
    <ConsoleLink href={href} aria-current={current ? 'page' : undefined}>
      {children}
    </ConsoleLink>
  );
}

/** navigate() that keeps the language and moves focus like a link would. */
export function useConsoleNavigate(): (path: string, options?: { replace?: boolean }) => void {
  const [, navigate] = useLocation();
  const { locale } = useT();
  return (path, options) => {
    markNavigation();
    navigate(pathWithLang(path, locale), options);
  };
}
