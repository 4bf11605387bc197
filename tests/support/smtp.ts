// A real SMTP server for the tests that send mail: listens on a free local port and hands each
// message, parsed, to `onMail`. The tests read what arrived, as a member's inbox would.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";

export interface TestSmtp {
  /** smtp://127.0.0.1:<port>, for SMTP_URL. */
  url: string;
  /** Connection errors the server survived, e.g. a client killed in the middle of a message. */
  errors: Error[];
  close(): Promise<void>;
}

export interface TestSmtpOptions {
  /** Called as a message's DATA begins; the server answers only once it resolves (a slow server). */
  onData?: () => Promise<void>;
}

export async function startTestSmtp(onMail: (m: ParsedMail) => void, options: TestSmtpOptions = {}): Promise<TestSmtp> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      Promise.all([simpleParser(stream), options.onData?.()])
        .then(([m]) => onMail(m))
        .then(() => callback(), callback);
    },
  });
  // A client that dies mid-transaction resets its connection; smtp-server emits that as an
  // "error" event, which with no listener would throw in the test process. A real mail server
  // logs it and carries on, so this one keeps it for the test to look at.
  const errors: Error[] = [];
  server.on("error", (err: Error) => errors.push(err));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    errors,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
