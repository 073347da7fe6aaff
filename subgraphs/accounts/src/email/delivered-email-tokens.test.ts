import { createServer, type Server } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AccountsTestKit, startAccountsTestKit, uniqueEmail } from "../testing/accounts-test-kit.ts";
import { upsertDirectoryEntries } from "../directory/directory.service.ts";
import { EmailMessage } from "./email-message.entity.ts";

/** A loopback SMTP server that accepts everything and keeps each message's DATA, soft line breaks undone. */
async function fakeSmtp(): Promise<{ url: string; messages: string[]; close(): Promise<void> }> {
  const messages: string[] = [];
  const server: Server = createServer((socket) => {
    let buffer = "";
    let data: string | null = null;
    socket.write("220 fake ESMTP\r\n");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      for (let end = buffer.indexOf("\r\n"); end >= 0; end = buffer.indexOf("\r\n")) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (data !== null) {
          if (line === ".") {
            messages.push(data.replace(/=\r\n/g, "").replace(/=3D/g, "="));
            data = null;
            socket.write("250 queued\r\n");
          } else data += `${line}\r\n`;
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO" || verb === "HELO") socket.write("250 fake\r\n");
        else if (verb === "DATA") {
          data = "";
          socket.write("354 go ahead\r\n");
        } else if (verb === "QUIT") socket.end("221 bye\r\n");
        else socket.write("250 ok\r\n");
      }
    });
    socket.on("error", () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `smtp://127.0.0.1:${(server.address() as AddressInfo).port}`,
    messages,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const REQUEST = "mutation ($input: RequestLoginLinkInput!) { requestLoginLink(input: $input) { message } }";
const EXCHANGE = "mutation ($token: String!) { exchangeLoginToken(token: $token) { redirectTo } }";

let smtp: Awaited<ReturnType<typeof fakeSmtp>>;
let kit: AccountsTestKit;

beforeAll(async () => {
  smtp = await fakeSmtp();
  kit = await startAccountsTestKit({ SMTP_URL: smtp.url });
});
afterAll(async () => {
  await kit?.close();
  await smtp?.close();
});

describe("an email delivered over SMTP", () => {
  it("leaves the sign-in token in the delivered mail only: the stored text and html keep the link without it", async () => {
    const business = await kit.business();
    const email = uniqueEmail();
    await upsertDirectoryEntries(kit.em(), [{ email, businessId: business.id, customerId: "cus_1", mode: "live" }]);
    await kit.graphql({ kind: "anonymous" }, REQUEST, { input: { email, businessId: business.id, mode: "live" } });
    await kit.runJobs();

    const delivered = smtp.messages.find((message) => message.includes(email));
    expect(delivered, "the mail reached the SMTP server").toBeDefined();
    const token = new RegExp(`${kit.config.PUBLIC_URL}/auth/([A-Za-z0-9_-]{20,})`).exec(delivered!)?.[1];
    expect(token, "a sign-in link in the delivered mail").toBeTruthy();

    const [row] = await kit.em().find(EmailMessage, { to: email });
    expect(row.sentAt).not.toBeNull();
    expect(row.text).not.toContain(token);
    expect(row.html).not.toContain(token);
    expect(row.text).toContain(`${kit.config.PUBLIC_URL}/auth/sent`);
    expect(row.html).toContain(`${kit.config.PUBLIC_URL}/auth/sent`);

    // The delivered link still works: only the stored copy lost it.
    const exchanged = await kit.graphql<{ exchangeLoginToken: { redirectTo: string } }>({ kind: "anonymous" }, EXCHANGE, { token });
    expect(exchanged.errors).toBeUndefined();
  });
});
