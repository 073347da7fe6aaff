import { badInput, notFound } from "@billfold/shared";
import { type EntityManager, UniqueConstraintViolationException } from "@mikro-orm/postgresql";
import { enqueueDirectorySync } from "../directory/directory-sync.job.ts";
import type { JobQueue } from "../jobs/job-queue.ts";
import type { Scope } from "../shared/context.ts";
import { type Page, type PageArgs, paginate } from "../shared/pagination.ts";
import { normalizeEmail } from "./customer-email.util.ts";
import { Customer } from "./customer.entity.ts";

export interface CreateCustomerInput extends Scope {
  email: string;
  name?: string | null;
  phone?: string | null;
}

const clean = (value: string | null | undefined) => value?.trim() || null;

/** The columns' sizes (customer.entity.ts): longer input is the caller's mistake, not a database error. */
const MAX_LENGTH = { name: 200, phone: 40 } as const;

function checkLengths(input: { name?: string | null; phone?: string | null }): void {
  for (const field of ["name", "phone"] as const) {
    const value = clean(input[field]);
    if (value && value.length > MAX_LENGTH[field]) {
      throw badInput(`Keep the ${field} to ${MAX_LENGTH[field]} characters or fewer.`, { field, maxLength: MAX_LENGTH[field] });
    }
  }
}

/**
 * Creates a customer, or returns the one that already has this email (idempotent). The
 * accounts directory sync is enqueued in the same transaction as the insert.
 */
export async function createCustomer(em: EntityManager, jobs: JobQueue, input: CreateCustomerInput): Promise<Customer> {
  const scope = { businessId: input.businessId, mode: input.mode };
  const email = normalizeEmail(input.email);
  checkLengths(input);
  const existing = await em.findOne(Customer, { ...scope, email });
  if (existing) return existing;
  try {
    return await em.transactional(async (tx) => {
      const customer = tx.create(Customer, { ...scope, email, name: clean(input.name), phone: clean(input.phone) });
      await tx.flush();
      await enqueueDirectorySync(jobs, tx, [{ email, ...scope, customerId: customer.id }]);
      return customer;
    });
  } catch (error) {
    // Another request created the same email a moment earlier: answer with that customer.
    if (error instanceof UniqueConstraintViolationException && !em.isInTransaction()) {
      return em.findOneOrFail(Customer, { ...scope, email });
    }
    throw error;
  }
}

export interface UpdateCustomerInput {
  email?: string | null;
  name?: string | null;
  phone?: string | null;
}

/** Updates a customer; an email change moves its accounts directory entry (same transaction). */
export async function updateCustomer(
  em: EntityManager,
  jobs: JobQueue,
  scope: Scope,
  customerId: string,
  input: UpdateCustomerInput,
): Promise<Customer> {
  checkLengths(input);
  return em.transactional(async (tx) => {
    const customer = await getCustomerOrThrow(tx, scope, customerId);
    const previousEmail = customer.email;
    if (input.email != null) customer.email = normalizeEmail(input.email);
    if (input.name !== undefined) customer.name = clean(input.name);
    if (input.phone !== undefined) customer.phone = clean(input.phone);
    await tx.flush();
    if (customer.email !== previousEmail) {
      await enqueueDirectorySync(jobs, tx, [{ email: customer.email, ...scope, customerId, previousEmail }]);
    }
    return customer;
  });
}

/** A customer of this business and mode; NOT_FOUND for anyone else's. */
export async function getCustomerOrThrow(em: EntityManager, scope: Scope, customerId: string): Promise<Customer> {
  const customer = await em.findOne(Customer, { id: customerId, businessId: scope.businessId, mode: scope.mode });
  if (!customer) throw notFound("The customer");
  return customer;
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (char) => `\\${char}`);

/** Customers, newest first; `search` matches email or name, case-insensitively. */
export function listCustomers(em: EntityManager, scope: Scope, args: PageArgs & { search?: string | null }): Promise<Page<Customer>> {
  const search = args.search?.trim();
  const where = search
    ? { ...scope, $or: [{ email: { $ilike: `%${escapeLike(search)}%` } }, { name: { $ilike: `%${escapeLike(search)}%` } }] }
    : { ...scope };
  return paginate(em, Customer, where, "createdAt", args);
}
