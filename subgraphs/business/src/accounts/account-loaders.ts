import type { EntityClass } from "@mikro-orm/core";
import { type EntityManager, raw } from "@mikro-orm/postgresql";
import DataLoader from "dataloader";
import { Customer } from "../customers/customer.entity.ts";
import { Invoice } from "../invoices/invoice.entity.ts";
import { LicenseKey } from "../licenses/license-key.entity.ts";
import { PaymentMethod } from "../payment-methods/payment-method.entity.ts";
import { Payment } from "../payments/payment.entity.ts";
import { qualifiedTable } from "../shared/table.ts";
import { Subscription } from "../subscriptions/subscription.entity.ts";
import { type AccountKey, accountCacheKey, accountTuple, groupByAccount } from "./account-key.ts";

const ACCOUNT_TUPLE = "(business_id, mode, customer_id)";
const options = { cacheKeyFn: accountCacheKey, maxBatchSize: 1000 };

/**
 * Per-request loaders for the CustomerAccount fields: each field costs one SQL statement for
 * every representation of the request together (a tuple IN over business, mode, customer).
 */
export class AccountLoaders {
  private readonly windowed = new Map<string, DataLoader<AccountKey, never[]>>();

  constructor(private readonly em: EntityManager) {}

  readonly customer = new DataLoader<AccountKey, Customer | null, string>(async (keys) => {
    const rows = await this.em.find(Customer, { [raw("(business_id, mode, id)")]: { $in: keys.map(accountTuple) } });
    const byKey = new Map(rows.map((row) => [accountCacheKey({ ...row, customerId: row.id }), row]));
    return keys.map((key) => byKey.get(accountCacheKey(key)) ?? null);
  }, options);

  readonly subscriptions = new DataLoader<AccountKey, Subscription[], string>(async (keys) => {
    const rows = await this.em.find(
      Subscription,
      { [raw(ACCOUNT_TUPLE)]: { $in: keys.map(accountTuple) } },
      { orderBy: { createdAt: "desc", id: "desc" } },
    );
    return groupByAccount(keys, rows);
  }, options);

  readonly paymentMethods = new DataLoader<AccountKey, PaymentMethod[], string>(async (keys) => {
    const rows = await this.em.find(
      PaymentMethod,
      { [raw(ACCOUNT_TUPLE)]: { $in: keys.map(accountTuple) }, removedAt: null },
      { orderBy: { isDefault: "desc", createdAt: "desc", id: "desc" } },
    );
    return groupByAccount(keys, rows);
  }, options);

  readonly licenseKeys = new DataLoader<AccountKey, LicenseKey[], string>(async (keys) => {
    const rows = await this.em.find(
      LicenseKey,
      { [raw(ACCOUNT_TUPLE)]: { $in: keys.map(accountTuple) } },
      { orderBy: { createdAt: "desc", id: "desc" } },
    );
    return groupByAccount(keys, rows);
  }, options);

  /** The newest `first` invoices of each account issued before `before`. */
  invoices(first: number, before: Date | null): DataLoader<AccountKey, Invoice[], string> {
    return this.windowedLoader(Invoice, "issued_at", first, before);
  }

  /** The newest `first` payments of each account created before `before`. */
  payments(first: number, before: Date | null): DataLoader<AccountKey, Payment[], string> {
    return this.windowedLoader(Payment, "created_at", first, before);
  }

  private windowedLoader<T extends AccountKey>(
    entity: EntityClass<T>,
    timeColumn: string,
    first: number,
    before: Date | null,
  ): DataLoader<AccountKey, T[], string> {
    const id = `${entity.name}|${first}|${before?.toISOString() ?? ""}`;
    let loader = this.windowed.get(id) as DataLoader<AccountKey, T[], string> | undefined;
    if (!loader) {
      loader = new DataLoader<AccountKey, T[], string>(async (keys) => {
        const rows = await this.firstPerAccount(entity, timeColumn, keys, first, before);
        return groupByAccount(keys, rows);
      }, options);
      this.windowed.set(id, loader as unknown as DataLoader<AccountKey, never[]>);
    }
    return loader;
  }

  private async firstPerAccount<T extends object>(
    entity: EntityClass<T>,
    timeColumn: string,
    keys: readonly AccountKey[],
    first: number,
    before: Date | null,
  ): Promise<T[]> {
    if (first === 0) return [];
    const params: unknown[] = keys.flatMap(accountTuple);
    const beforeSql = before ? `and ${timeColumn} < ?` : "";
    if (before) params.push(before);
    params.push(first);
    const rows = await this.em.execute<Record<string, unknown>[]>(
      `select * from (
         select t.*, row_number() over (partition by business_id, mode, customer_id order by ${timeColumn} desc, id desc) as rn
         from ${qualifiedTable(this.em, entity)} t
         where ${ACCOUNT_TUPLE} in (${keys.map(() => "(?, ?, ?)").join(", ")}) ${beforeSql}
       ) ranked where rn <= ? order by ${timeColumn} desc, id desc`,
      params,
    );
    return rows.map(({ rn: _rn, ...row }) => this.em.map(entity, row as never));
  }
}
