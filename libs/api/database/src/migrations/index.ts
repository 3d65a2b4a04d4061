import { Foundation1795000000000 } from './1795000000000-Foundation';

/** Every migration, in order. Listed explicitly so the bundle and the tests run the same set. */
export const MIGRATIONS = [Foundation1795000000000];
