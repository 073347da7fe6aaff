import type { MetadataStorage } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import { Customer } from "../customers/customer.entity.ts";
import { CUSTOMER_FIELDS } from "../customers/customer.type.ts";
import { Invoice } from "../invoices/invoice.entity.ts";
import { INVOICE_FIELDS } from "../invoices/invoice.type.ts";
import { LicenseKey } from "../licenses/license-key.entity.ts";
import { LICENSE_KEY_FIELDS } from "../licenses/license-key.type.ts";
import { PaymentMethod } from "../payment-methods/payment-method.entity.ts";
import { PAYMENT_METHOD_FIELDS } from "../payment-methods/payment-method.type.ts";
import { Payment } from "../payments/payment.entity.ts";
import { PAYMENT_FIELDS } from "../payments/payment.type.ts";
import { Product } from "../products/product.entity.ts";
import { PRODUCT_FIELDS } from "../products/product.type.ts";
import { jsonArray, jsonFirst, jsonObject } from "../shared/json-rows.ts";
import { Subscription } from "../subscriptions/subscription.entity.ts";
import { SUBSCRIPTION_FIELDS } from "../subscriptions/subscription.type.ts";

/** Rows of `alias` that belong to the account `a` (business, mode, customer) of the batch statement. */
const ofAccount = (alias: string, customerColumn = "customer_id") =>
  `${alias}.business_id = a.business_id and ${alias}.mode = a.mode and ${alias}.${customerColumn} = a.customer_id`;

function build(em: EntityManager) {
  const productOf = (alias: string) => jsonFirst(jsonObject(em, Product, "p", PRODUCT_FIELDS), `p.id = ${alias}.product_id`);
  const invoice = jsonObject(em, Invoice, "i", INVOICE_FIELDS);
  const payment = jsonObject(em, Payment, "y", PAYMENT_FIELDS);
  return {
    customer: jsonFirst(jsonObject(em, Customer, "c", CUSTOMER_FIELDS), ofAccount("c", "id")),
    subscriptions: jsonArray(
      jsonObject(em, Subscription, "s", SUBSCRIPTION_FIELDS, { product: productOf("s") }),
      ofAccount("s"),
      "s.created_at desc, s.id desc",
    ),
    paymentMethods: jsonArray(
      jsonObject(em, PaymentMethod, "m", PAYMENT_METHOD_FIELDS),
      `${ofAccount("m")} and m.removed_at is null`,
      "m.is_default desc, m.created_at desc, m.id desc",
    ),
    licenseKeys: jsonArray(
      jsonObject(em, LicenseKey, "k", LICENSE_KEY_FIELDS, { product: productOf("k") }),
      ofAccount("k"),
      "k.created_at desc, k.id desc",
    ),
    /** Parameter: the page size. */
    invoices: jsonArray(invoice, ofAccount("i"), "i.issued_at desc, i.id desc", { limit: true }),
    /** Parameters: before, the page size. */
    invoicesBefore: jsonArray(invoice, `${ofAccount("i")} and i.issued_at < ?`, "i.issued_at desc, i.id desc", { limit: true }),
    payments: jsonArray(payment, ofAccount("y"), "y.created_at desc, y.id desc", { limit: true }),
    paymentsBefore: jsonArray(payment, `${ofAccount("y")} and y.created_at < ?`, "y.created_at desc, y.id desc", { limit: true }),
  };
}

export type AccountListSql = ReturnType<typeof build>;
const built = new WeakMap<MetadataStorage, AccountListSql>();

/**
 * The correlated subqueries that read each CustomerAccount list as JSON (see json-rows.ts), for
 * a statement over the accounts `a(business_id, mode, customer_id)`; built once per ORM.
 */
export function accountListSql(em: EntityManager): AccountListSql {
  let lists = built.get(em.getMetadata());
  if (!lists) built.set(em.getMetadata(), (lists = build(em)));
  return lists;
}
