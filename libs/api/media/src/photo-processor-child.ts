/**
 * Entry point of a photo processor process, forked by PhotoProcessorPool: lowers its own CPU
 * priority first, then serves processing requests from the API over IPC.
 *
 * Nothing but `node:` modules is imported statically (static imports run before this module's
 * body), so the priority is lowered before sharp loads and libvips starts its threads. Niceness
 * is per thread on Linux and a new thread inherits its creator's: every thread already running
 * (Node's own, libuv's pool, which loading this module may have started) is lowered by id, and
 * the ones started later (libvips' workers) inherit it. The image work then only gets the CPU the
 * request path leaves.
 */
import { readdirSync } from 'node:fs';
import { setPriority } from 'node:os';

const niceness = Number(process.argv[2] ?? 10);

function threadIds(): number[] {
  try {
    return readdirSync('/proc/self/task').map(Number);
  } catch {
    return [0]; // No /proc (not Linux): the calling thread, which elsewhere means the whole process.
  }
}

for (const id of threadIds()) {
  try {
    setPriority(id, niceness);
  } catch {
    // Not permitted (a sandbox without setpriority): process at normal priority rather than not at all.
  }
}

await import('./photo-processor-serve.js');
