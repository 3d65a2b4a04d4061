import type { ReactNode } from 'react';
import { Link } from 'wouter';
import type { SignInConfig } from './sign-in-config';

/** A link to an app path: the app's own link component, else a wouter Link to `config.href(path)`. */
export function AppLink({ config, href, children }: { config: SignInConfig; href: string; children: ReactNode }) {
  if (config.Link) return <config.Link href={href}>{children}</config.Link>;
  return <Link href={config.href(href)}>{children}</Link>;
}
