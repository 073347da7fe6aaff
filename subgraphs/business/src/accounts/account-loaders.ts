import type { EntityManager } from "@mikro-orm/postgresql";
import DataLoader from "dataloader";
import type { JsonSql } from "../shared/json-rows.ts";
import { type AccountKey, accountCacheKey, accountTuple } from "./account-key.ts";
import { type AccountListSql, accountListSql } from "./account-lists.ts";

/** One list of one account: `id` names the list and its arguments, `params` fill the list's placeholders. */
interface ListRequest<T> {
  id: string;
  list: JsonSql<T>;
  params: unknown[];
}

interface ListKey {
  account: AccountKey;
  request: ListRequest<unknown>;
}

/**
 * Per-request loaders for the CustomerAccount fields: every list asked for in the same tick, of
 * every representation, comes from ONE statement, a row per account with a JSON column per list
 * (see account-lists.ts). The rows are plain read-only objects, never entities: nothing that
 * writes may use them.
 */
export class AccountLoaders {
  private readonly sql: AccountListSql;
  private readonly lists = new DataLoader<ListKey, unknown, string>((keys) => this.loadLists(keys), {
    cacheKeyFn: ({ account, request }) => `${accountCacheKey(account)}|${request.id}`,
    maxBatchSize: 1000,
  });

  constructor(private readonly em: EntityManager) {
    this.sql = accountListSql(em);
  }

  customer(account: AccountKey) {
    return this.load(account, { id: "customer", list: this.sql.customer, params: [] });
  }

  subscriptions(account: AccountKey) {
    return this.load(account, { id: "subscriptions", list: this.sql.subscriptions, params: [] });
  }

  paymentMethods(account: AccountKey) {
    return this.load(account, { id: "paymentMethods", list: this.sql.paymentMethods, params: [] });
  }

  licenseKeys(account: AccountKey) {
    return this.load(account, { id: "licenseKeys", list: this.sql.licenseKeys, params: [] });
  }

  /** The newest `first` invoices issued before `before`. */
  invoices(account: AccountKey, first: number, before: Date | null) {
    return this.page(account, "invoices", before ? this.sql.invoicesBefore : this.sql.invoices, first, before);
  }

  /** The newest `first` payments created before `before`. */
  payments(account: AccountKey, first: number, before: Date | null) {
    return this.page(account, "payments", before ? this.sql.paymentsBefore : this.sql.payments, first, before);
  }

  private async page<T>(account: AccountKey, name: string, list: JsonSql<T[]>, first: number, before: Date | null): Promise<T[]> {
    if (first === 0) return [];
    const id = `${name}|${first}|${before?.toISOString() ?? ""}`;
    return this.load(account, { id, list, params: before ? [before, first] : [first] });
  }

  private load<T>(account: AccountKey, request: ListRequest<T>): Promise<T> {
    return this.lists.load({ account, request }) as Promise<T>;
  }

  private async loadLists(keys: readonly ListKey[]): Promise<unknown[]> {
    const accounts = new Map<string, number>();
    const requests = new Map<string, { column: string; request: ListRequest<unknown> }>();
    const accountParams: unknown[] = [];
    for (const { account, request } of keys) {
      const key = accountCacheKey(account);
      if (!accounts.has(key)) {
        accounts.set(key, accounts.size);
        accountParams.push(...accountTuple(account));
      }
      if (!requests.has(request.id)) requests.set(request.id, { column: `l${requests.size}`, request });
    }
    const columns = [...requests.values()].map(({ column, request }) => `${request.list.sql} as ${column}`);
    const values = [...accounts.values()].map((index) => `(${index}, ?, ?, ?)`);
    const rows = await this.em.execute<Record<string, unknown>[]>(
      `select a.i, ${columns.join(", ")} from (values ${values.join(", ")}) as a(i, business_id, mode, customer_id)`,
      [...[...requests.values()].flatMap(({ request }) => request.params), ...accountParams],
    );
    const byIndex = new Map(rows.map((row) => [row.i as number, row]));
    return keys.map(({ account, request }) => {
      const row = byIndex.get(accounts.get(accountCacheKey(account))!)!;
      return request.list.read(row[requests.get(request.id)!.column]);
    });
  }
}
