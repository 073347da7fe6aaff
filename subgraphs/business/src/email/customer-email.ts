import { type Mode, newId } from "@billfold/shared";
import type { EntityManager } from "@mikro-orm/postgresql";
import type { JobQueue } from "../jobs/job-queue.ts";
import { CUSTOMER_EMAIL_QUEUE, type CustomerEmailJob } from "./customer-email.job.ts";

export interface CustomerEmail {
  businessId: string;
  /** The customer's mode; accounts sends test-mode mail too (the dev mailbox shows it). */
  mode?: Mode;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/**
 * Enqueues an email to a business's customer inside `em`'s open transaction: it is handed to
 * accounts (`POST /internal/emails`, which stores and sends it) only if the change commits.
 */
export async function sendCustomerEmail(em: EntityManager, jobs: JobQueue, email: CustomerEmail): Promise<void> {
  const to = email.to.trim().toLowerCase();
  if (!to.includes("@")) throw new Error(`sendCustomerEmail: "${email.to}" is not an email address`);
  if (email.subject.length > 300) throw new Error("sendCustomerEmail: the subject is longer than 300 characters");
  const message: CustomerEmailJob["message"] = {
    // Accounts stores the message under this id at most once, so a retried job never mails twice.
    id: newId("eml"),
    to,
    subject: email.subject,
    text: email.text,
    html: email.html,
    businessId: email.businessId,
  };
  await jobs.send(em, CUSTOMER_EMAIL_QUEUE, { message, mode: email.mode } satisfies CustomerEmailJob);
}
