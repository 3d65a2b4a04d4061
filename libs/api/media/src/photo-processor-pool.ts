import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvalidPhotoError, type ProcessedPhoto } from './photo-processor';
import { asBuffer, type ProcessReply } from './photo-processor-protocol';

export interface PhotoProcessorPoolOptions {
  /** Processes, each with one image at a time: PHOTO_WORKERS. */
  size: number;
  /** Niceness of the processes (0–19): the image work yields the CPU to the request path. */
  niceness: number;
  /** A process that has not answered by then is killed and the photo retried; below the lease. */
  timeoutMs: number;
  /** A process with nothing to do for this long exits, giving its memory back; the next photo forks a new one. */
  idleMs: number;
}

export const DEFAULT_PHOTO_PROCESSOR_POOL_OPTIONS: Omit<PhotoProcessorPoolOptions, 'size'> = {
  niceness: 10,
  timeoutMs: 100_000,
  idleMs: 60_000,
};

/** The processor process died (crashed, killed, out of memory, timed out) with a photo in hand. */
export class PhotoProcessorExitedError extends Error {}

/**
 * The script to fork: the compiled `photo-processor-child.js` beside this module in dist/api, or,
 * when the API runs from its TypeScript sources (jest), the `.ts` source compiled on load by
 * infra/scripts/register-swc.mjs.
 */
function processorEntry(): { script: string; execArgv: string[] } {
  const here = fileURLToPath(import.meta.url);
  const dir = path.dirname(here);
  const sourceMaps = process.execArgv.filter((arg) => arg === '--enable-source-maps');
  if (here.endsWith('.ts')) {
    const register = path.resolve(dir, '../../../../infra/scripts/register-swc.mjs');
    return { script: path.join(dir, 'photo-processor-child.ts'), execArgv: [...sourceMaps, '--import', register] };
  }
  return { script: path.join(dir, 'photo-processor-child.js'), execArgv: sourceMaps };
}

/** One forked processor: one image at a time, its IPC channel holding the event loop open only while busy. */
class ProcessorProcess {
  private readonly child: ChildProcess;
  private job: { id: number; resolve: (photo: ProcessedPhoto) => void; reject: (error: Error) => void } | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private nextId = 1;
  exited = false;

  constructor(
    private readonly options: PhotoProcessorPoolOptions,
    private readonly onExit: (process: ProcessorProcess) => void,
  ) {
    const entry = processorEntry();
    this.child = fork(entry.script, [String(options.niceness)], {
      execArgv: entry.execArgv,
      // One malloc arena: with glibc's default (8 per core) the freed buffers of each image stay
      // spread over arenas, and a process grew to ≈ 225 MB; with one it stays ≈ 135 MB, as fast
      // (one image at a time per process, so nothing contends for it). An operator's value wins.
      env: { ...process.env, MALLOC_ARENA_MAX: process.env['MALLOC_ARENA_MAX'] ?? '1' },
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child.on('message', (reply: ProcessReply) => this.settle(reply));
    this.child.on('exit', (code, signal) => this.gone(`photo processor exited (${signal ?? `code ${code}`})`));
    this.child.on('error', (error) => this.gone(`photo processor failed: ${error.message}`));
    this.hold(false);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get busy(): boolean {
    return this.job !== null;
  }

  process(original: Buffer): Promise<ProcessedPhoto> {
    if (this.exited) return Promise.reject(new PhotoProcessorExitedError('photo processor exited'));
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const id = this.nextId++;
    return new Promise<ProcessedPhoto>((resolve, reject) => {
      // A decoder stuck on one file must not hold its slot forever: killed, the photo is retried.
      const timer = setTimeout(() => this.kill(), this.options.timeoutMs);
      this.job = {
        id,
        resolve: (photo) => {
          clearTimeout(timer);
          resolve(photo);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.hold(true);
      this.child.send({ id, original }, (error) => {
        if (error) this.kill();
      });
    });
  }

  /** Waits for the next photo, or exits after `idleMs` without one. */
  rest(): void {
    if (this.exited) return;
    this.idleTimer = setTimeout(() => this.kill('SIGTERM'), this.options.idleMs);
    this.idleTimer.unref();
  }

  kill(signal: NodeJS.Signals = 'SIGKILL'): void {
    if (!this.exited) this.child.kill(signal);
  }

  /** Sends SIGKILL to the process (tests: a processor crashing mid-photo). */
  crash(): void {
    this.kill('SIGKILL');
  }

  private settle(reply: ProcessReply): void {
    const job = this.job;
    if (!job || job.id !== reply.id) return;
    this.job = null;
    this.hold(false);
    if (reply.ok) {
      job.resolve({ full: asBuffer(reply.full), thumbnail: asBuffer(reply.thumbnail), width: reply.width, height: reply.height });
    } else if (reply.invalid !== null) {
      job.reject(new InvalidPhotoError(reply.invalid));
    } else {
      job.reject(new Error(reply.message));
    }
  }

  private gone(reason: string): void {
    if (this.exited) return;
    this.exited = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const job = this.job;
    this.job = null;
    job?.reject(new PhotoProcessorExitedError(reason));
    this.onExit(this);
  }

  /** Busy, the process keeps the API's event loop alive until it answers; idle, it never does. */
  private hold(busy: boolean): void {
    const channel = this.child.channel as { ref(): void; unref(): void } | undefined;
    if (busy) {
      this.child.ref();
      channel?.ref();
    } else {
      this.child.unref();
      channel?.unref();
    }
  }
}

/**
 * Runs the image work in child processes (docs/decisions/0011-photo-processing-queue.md): at most
 * `size` of them, one image each, forked on demand, niced so the API's requests always win the
 * CPU, and out of the API's event loop and heap. A process that dies takes only its own photo with
 * it: that call rejects with PhotoProcessorExitedError (the worker retries it under the usual
 * attempts and backoff) and the next call forks a fresh process.
 */
export class PhotoProcessorPool {
  private readonly processes = new Set<ProcessorProcess>();
  private readonly idle: ProcessorProcess[] = [];
  private readonly waiting: Array<() => void> = [];
  private closed = false;
  private readonly options: PhotoProcessorPoolOptions;

  constructor(options: Partial<PhotoProcessorPoolOptions> & { size: number }) {
    this.options = { ...DEFAULT_PHOTO_PROCESSOR_POOL_OPTIONS, ...options };
  }

  /**
   * Processes one photo in a free process, forking one if fewer than `size` run, else once one
   * comes free. With a process free, the photo is handed over before this returns.
   */
  process(original: Buffer): Promise<ProcessedPhoto> {
    if (this.closed) return Promise.reject(new PhotoProcessorExitedError('photo processors closed'));
    const processor = this.take();
    if (processor) return this.runOn(processor, original);
    return new Promise<void>((wake) => this.waiting.push(wake)).then(() => this.process(original));
  }

  /** The process ids, busy or idle (tests; the bench adds their memory to the API's). */
  get pids(): number[] {
    return [...this.processes].flatMap((p) => (p.exited || p.pid === undefined ? [] : [p.pid]));
  }

  /** Kills the processes busy with a photo, as a crash would (tests). */
  crashBusy(): void {
    for (const processor of this.processes) if (processor.busy) processor.crash();
  }

  /** Ends every process; photos in hand reject and are retried by whoever claims them next. */
  close(): void {
    this.closed = true;
    for (const processor of this.processes) processor.kill('SIGTERM');
    this.idle.length = 0;
    for (const wake of this.waiting.splice(0)) wake();
  }

  private take(): ProcessorProcess | null {
    for (let ready = this.idle.pop(); ready; ready = this.idle.pop()) if (!ready.exited) return ready;
    if (this.processes.size >= this.options.size) return null;
    const forked = new ProcessorProcess(this.options, (gone) => this.forget(gone));
    this.processes.add(forked);
    return forked;
  }

  private async runOn(processor: ProcessorProcess, original: Buffer): Promise<ProcessedPhoto> {
    try {
      return await processor.process(original);
    } finally {
      this.release(processor);
    }
  }

  private release(processor: ProcessorProcess): void {
    if (!processor.exited && !this.closed) {
      this.idle.push(processor);
      processor.rest();
    }
    this.waiting.shift()?.();
  }

  private forget(processor: ProcessorProcess): void {
    this.processes.delete(processor);
    const at = this.idle.indexOf(processor);
    if (at >= 0) this.idle.splice(at, 1);
    // A slot came free: someone waiting may fork its replacement.
    this.waiting.shift()?.();
  }
}
