// A lean SMTP client for the load generator (what autocannon is to the HTTP bench): one socket,
// EHLO once, then MAIL/RCPT/DATA pipelined per message (RFC 2920). It spends a few tens of
// microseconds per message, so the machine's cores go to the server being measured.
import { connect, type Socket } from "node:net";

export class SmtpReplyError extends Error {
  readonly responseCode: number;
  constructor(line: string) {
    super(line);
    this.responseCode = Number(line.slice(0, 3));
  }
}

export class SmtpClient {
  readonly #socket: Socket;
  #buffer = "";
  #lines: string[] = [];
  readonly #waiting: ((reply: string) => void)[] = [];

  private constructor(socket: Socket) {
    this.#socket = socket;
    socket.setNoDelay(true);
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => this.#onData(chunk));
    socket.on("error", () => {});
  }

  static async connect(host: string, port: number, name = "bench.local"): Promise<SmtpClient> {
    const socket = connect(port, host);
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("error", reject);
    });
    const client = new SmtpClient(socket);
    client.#expect(await client.#reply(), 220);
    socket.write(`EHLO ${name}\r\n`);
    client.#expect(await client.#reply(), 250);
    return client;
  }

  #onData(chunk: string): void {
    this.#buffer += chunk;
    let at = this.#buffer.indexOf("\r\n");
    while (at >= 0) {
      const line = this.#buffer.slice(0, at);
      this.#buffer = this.#buffer.slice(at + 2);
      this.#lines.push(line);
      // A reply ends with a line whose fourth character is a space ("250 ok", not "250-…").
      if (line.charAt(3) !== "-") {
        const reply = this.#lines.join("\n");
        this.#lines = [];
        this.#waiting.shift()?.(reply);
      }
      at = this.#buffer.indexOf("\r\n");
    }
  }

  #reply(): Promise<string> {
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  #expect(reply: string, code: number): void {
    const last = reply.slice(reply.lastIndexOf("\n") + 1);
    if (Number(last.slice(0, 3)) !== code) throw new SmtpReplyError(last);
  }

  /** Sends one message; resolves with the final reply ("250 …"), rejects on a 4xx/5xx. */
  async send(from: string, to: string, message: string): Promise<string> {
    const replies = [this.#reply(), this.#reply(), this.#reply()];
    this.#socket.write(`MAIL FROM:<${from}>\r\nRCPT TO:<${to}>\r\nDATA\r\n`);
    const [mail, rcpt, data] = await Promise.all(replies);
    try {
      this.#expect(mail!, 250);
      this.#expect(rcpt!, 250);
      this.#expect(data!, 354);
    } catch (error) {
      if (data!.startsWith("354")) {
        // The server took DATA even though a recipient failed: end it empty.
        const end = this.#reply();
        this.#socket.write(".\r\n");
        await end;
      }
      const reset = this.#reply();
      this.#socket.write("RSET\r\n");
      await reset;
      throw error;
    }
    const done = this.#reply();
    const body = message.replace(/\r?\n/g, "\r\n").replace(/^\./gm, "..");
    this.#socket.write(`${body}${body.endsWith("\r\n") ? "" : "\r\n"}.\r\n`);
    const final = await done;
    this.#expect(final, 250);
    return final;
  }

  async close(): Promise<void> {
    const bye = this.#reply();
    this.#socket.write("QUIT\r\n");
    await Promise.race([bye, new Promise((r) => setTimeout(r, 1000))]);
    this.#socket.destroy();
  }
}
