/** A page's data while it loads, once ready, or after a failure (the previous data kept while reloading). */
export type Loaded<T> =
  | { status: 'loading'; data: T | null }
  | { status: 'ready'; data: T }
  | { status: 'error'; data: T | null; error: unknown };
