import type { EntityManager, MikroORM } from "@mikro-orm/postgresql";
import nodemailer from "nodemailer";
import type { Job, Queue } from "pg-boss";
import type { JobQueue } from "../jobs/job-queue.ts";
import { EmailMessage } from "./email-message.entity.ts";
import type { RenderedEmail } from "./email.templates.ts";

export const SEND_EMAIL_QUEUE = "send-email";
export const sendEmailQueue: Queue = { name: SEND_EMAIL_QUEUE, retryLimit: 10, retryDelay: 10, retryBackoff: true, retryDelayMax: 3600 };

export interface Mailer {
  send(message: { from: string; to: string; subject: string; text: string; html: string }): Promise<void>;
}

/** SMTP when SMTP_URL is set; otherwise nothing leaves the machine (the dev mailbox shows the rows). */
export function createMailer(smtpUrl: string | undefined): Mailer {
  const transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : nodemailer.createTransport({ jsonTransport: true });
  return {
    async send(message) {
      await transport.sendMail(message);
    },
  };
}

/** Writes the email in `em`'s transaction and enqueues its delivery there too: sent only if the change commits. */
export async function queueEmail(
  em: EntityManager,
  jobs: JobQueue,
  to: string,
  email: RenderedEmail,
  businessId: string | null = null,
  /** A caller-chosen id (an idempotency key from a shard); a new one when absent. */
  id?: string,
): Promise<EmailMessage> {
  const message = em.create(EmailMessage, { ...(id ? { id } : {}), to, subject: email.subject, text: email.text, html: email.html, businessId });
  await em.flush();
  await jobs.send(em, SEND_EMAIL_QUEUE, { messageId: message.id });
  return message;
}

/** What is left of a sign-in link in a delivered email's stored copy: the path, not the token. */
export const SENT_LINK_TOKEN = "sent";

/** `…/auth/{token}` → `…/auth/sent`: the stored copy of a delivered email no longer opens a session. */
export function withoutLinkTokens(body: string): string {
  return body.replace(/(\/auth\/)[A-Za-z0-9_%.~-]+/g, `$1${SENT_LINK_TOKEN}`);
}

/**
 * Delivers queued emails; a failed delivery throws so pg-boss retries it. With
 * `forgetLinkTokens` (real SMTP) the stored text and html lose their link tokens once the mail
 * has left: the row keeps what was sent, minus what would let a reader of the table sign in.
 * Without it (no SMTP, the dev mailbox is the inbox) the links stay usable.
 */
export function sendEmailHandler(orm: MikroORM, mailer: Mailer, from: string, options: { forgetLinkTokens?: boolean } = {}) {
  return async (jobs: Job<{ messageId: string }>[]): Promise<void> => {
    const em = orm.em.fork();
    for (const job of jobs) {
      const message = await em.findOne(EmailMessage, { id: job.data.messageId });
      if (!message || message.sentAt) continue;
      await mailer.send({ from, to: message.to, subject: message.subject, text: message.text, html: message.html });
      message.sentAt = new Date();
      if (options.forgetLinkTokens) {
        message.text = withoutLinkTokens(message.text);
        message.html = withoutLinkTokens(message.html);
      }
      await em.flush();
    }
  };
}

/** Newest first, for the dev mailbox. */
export function listEmails(em: EntityManager, to: string | null, limit = 50): Promise<EmailMessage[]> {
  return em.find(EmailMessage, to ? { to: to.trim().toLowerCase() } : {}, { orderBy: { createdAt: "desc", id: "desc" }, limit });
}

export interface BusinessEmail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  businessId: string;
}

/**
 * Emails a business shard hands over (`POST /internal/emails`): stored and queued like our own,
 * in one transaction. A message id already stored is skipped, so a shard's retry never mails twice.
 */
export async function acceptBusinessEmails(em: EntityManager, jobs: JobQueue, messages: BusinessEmail[]): Promise<{ accepted: number; duplicates: number }> {
  return em.transactional(async (tx) => {
    const ids = [...new Set(messages.map((message) => message.id))];
    const existing = new Set((await tx.find(EmailMessage, { id: { $in: ids } }, { fields: ["id"] })).map((message) => message.id));
    let accepted = 0;
    for (const message of messages) {
      if (existing.has(message.id)) continue;
      existing.add(message.id);
      await queueEmail(tx, jobs, message.to.trim().toLowerCase(), message, message.businessId, message.id);
      accepted += 1;
    }
    return { accepted, duplicates: messages.length - accepted };
  });
}
