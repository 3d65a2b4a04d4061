// A real SMTP server for the delivery tests: records what it accepted, and can refuse, hang up
// during DATA, or hold DATA open (a delivery in flight when its sender dies).
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type DataBehaviour = 'accept' | 'drop' | 'hold';

export interface ReceivedMail {
  parsed: ParsedMail;
  /** Header name (lower case) → raw value, as sent. */
  header(name: string): string | null;
}

export class SmtpTestServer {
  readonly received: ReceivedMail[] = [];
  /** What the next DATA commands do, in order; `accept` once the list is empty. */
  readonly plan: DataBehaviour[] = [];
  /** Addresses refused at RCPT TO with 550 (no such mailbox). */
  readonly unknownMailboxes = new Set<string>();
  private server: SMTPServer | null = null;
  private heldCallbacks: Array<() => void> = [];
  private dataStarted: Array<() => void> = [];
  port = 0;

  async start(port = 0): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      closeTimeout: 100,
      onRcptTo: (address, _session, callback) => {
        if (this.unknownMailboxes.has(address.address)) {
          const error = Object.assign(new Error('No such mailbox'), { responseCode: 550 });
          return callback(error);
        }
        callback();
      },
      onData: (stream, session, callback) => {
        const dropThisConnection = () => {
          for (const connection of server.connections) if (connection.id === session.id) connection._socket.destroy();
        };
        const behaviour = this.plan.shift() ?? 'accept';
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          this.dataStarted.splice(0).forEach((notify) => notify());
          if (behaviour === 'drop') {
            // The connection is gone before the server answers: nothing was accepted.
            dropThisConnection();
            return;
          }
          if (behaviour === 'hold') {
            this.heldCallbacks.push(dropThisConnection);
            return;
          }
          void simpleParser(Buffer.concat(chunks)).then((parsed) => {
            this.received.push({
              parsed,
              header: (name) => parsed.headerLines.find((line) => line.key === name.toLowerCase())?.line.replace(/^[^:]+:\s*/, '') ?? null,
            });
            callback();
          }, callback);
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.server.address() as { port: number }).port;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Resolves when the next message's DATA has been fully received (accepted or not). */
  nextData(): Promise<void> {
    return new Promise((resolve) => this.dataStarted.push(resolve));
  }

  /** Ends every held delivery by dropping its connection, as when the sending process dies. */
  dropHeld(): void {
    this.heldCallbacks.splice(0).forEach((drop) => drop());
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    for (const connection of server.connections) connection._socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Messages accepted for an address. */
  to(address: string): ReceivedMail[] {
    return this.received.filter((mail) => {
      const to = mail.parsed.to;
      const list = Array.isArray(to) ? to : to ? [to] : [];
      return list.some((group) => group.value.some((entry) => entry.address === address));
    });
  }
}
