// An SMTP sink in a process of its own (so a busy benchmark cannot starve it): accepts every
// mail after `SMTP_SINK_MS` milliseconds, like a relay, and reports each recipient's arrival to
// its parent over IPC: { to, at }. Sends { port } once listening.
import { SMTPServer } from 'smtp-server';

const delayMs = Number(process.env.SMTP_SINK_MS ?? '10');
const sink = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, callback) {
    stream.resume();
    stream.on('end', () => {
      setTimeout(() => {
        const at = Date.now();
        for (const rcpt of session.envelope.rcptTo) process.send?.({ to: rcpt.address, at });
        callback();
      }, delayMs);
    });
  },
});
sink.listen(0, '127.0.0.1', () => process.send?.({ port: sink.server.address().port }));
process.on('disconnect', () => sink.close(() => process.exit(0)));
