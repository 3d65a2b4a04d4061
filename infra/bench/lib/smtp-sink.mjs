// An SMTP sink in a process of its own (so a busy benchmark cannot starve it): accepts every
// mail after `SMTP_SINK_MS` milliseconds, like a relay, and reports each recipient's arrival to
// its parent over IPC: { to, at, token } (token: a one-time sign-in link's, when the mail has one,
// so a benchmark can follow it as its recipient would). Sends { port } once listening.
import { SMTPServer } from 'smtp-server';

const delayMs = Number(process.env.SMTP_SINK_MS ?? '10');
const sink = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('end', () => {
      // Quoted-printable: undo soft line breaks and the encoded "=" before looking for the token.
      const body = Buffer.concat(chunks).toString('utf8').replace(/=\r?\n/g, '').replace(/=3D/gi, '=');
      const token = /token=([A-Za-z0-9_-]{43})/.exec(body)?.[1] ?? null;
      setTimeout(() => {
        const at = Date.now();
        for (const rcpt of session.envelope.rcptTo) process.send?.({ to: rcpt.address, at, token });
        callback();
      }, delayMs);
    });
  },
});
sink.listen(0, '127.0.0.1', () => process.send?.({ port: sink.server.address().port }));
process.on('disconnect', () => sink.close(() => process.exit(0)));
