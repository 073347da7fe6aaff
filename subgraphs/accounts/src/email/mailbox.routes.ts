import type { MikroORM } from "@mikro-orm/postgresql";
import type { FastifyInstance } from "fastify";
import { listEmails } from "./email.service.ts";

const escape = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/**
 * Development mailbox: `GET /dev/mailbox?to=EMAIL` (JSON, newest first) and an HTML page when a
 * browser asks. Registered only outside production.
 */
export function registerMailboxRoutes(app: FastifyInstance, orm: MikroORM): void {
  app.get<{ Querystring: { to?: string; format?: string } }>("/dev/mailbox", async (request, reply) => {
    const to = typeof request.query.to === "string" && request.query.to.trim() ? request.query.to : null;
    const messages = await listEmails(orm.em.fork(), to);
    const json = messages.map(({ to, subject, text, html, createdAt }) => ({ to, subject, text, html, createdAt: createdAt.toISOString() }));
    const wantsHtml = request.query.format === "html" || (request.query.format !== "json" && request.headers.accept?.includes("text/html"));
    if (!wantsHtml) return reply.header("cache-control", "no-store").send(json);
    const rows = json
      .map(
        (m, i) => `<details${i === 0 ? " open" : ""}><summary><strong>${escape(m.subject)}</strong> — to ${escape(m.to)} <time>${escape(m.createdAt)}</time></summary>
<iframe sandbox title="${escape(m.subject)}" srcdoc="${escape(m.html)}"></iframe><pre>${escape(m.text)}</pre></details>`,
      )
      .join("\n");
    return reply
      .header("cache-control", "no-store")
      .type("text/html; charset=utf-8")
      .send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Dev mailbox</title>
<style>body{font:15px system-ui,sans-serif;max-width:900px;margin:24px auto;padding:0 16px}details{border:1px solid #ddd;border-radius:8px;margin:8px 0;padding:8px 12px}iframe{width:100%;height:420px;border:0}pre{white-space:pre-wrap;background:#f6f6f6;padding:8px}time{color:#666}</style></head>
<body><h1>Dev mailbox</h1><form><label>To <input name="to" type="email" value="${escape(to ?? "")}"></label> <button>Filter</button></form>
<p>${json.length} message(s), newest first. Nothing here is sent when SMTP_URL is unset.</p>${rows}</body></html>`);
  });
}
