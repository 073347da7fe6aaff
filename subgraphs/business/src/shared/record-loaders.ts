import type { EntityClass } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import DataLoader from "dataloader";
import { Invoice } from "../invoices/invoice.entity.ts";
import { LicenseInstance } from "../licenses/license-instance.entity.ts";
import { PaymentMethod } from "../payment-methods/payment-method.entity.ts";
import { Refund } from "../payments/refund.entity.ts";
import { Product } from "../products/product.entity.ts";

/**
 * Per-request loaders for rows reached from a parent the caller may already read (a
 * subscription's product, a payment's refunds): one statement per kind of child per request.
 * Each parent kind has its own product loader so the statement count does not depend on
 * which parent list happened to arrive first.
 */
export class RecordLoaders {
  constructor(private readonly em: EntityManager) {}

  readonly subscriptionProduct = this.byId(Product);
  readonly licenseKeyProduct = this.byId(Product);
  readonly paymentMethod = this.byId(PaymentMethod);
  readonly invoice = this.byId(Invoice);

  readonly refundsByPayment = new DataLoader<string, Refund[]>(async (paymentIds) => {
    const rows = await this.em.find(Refund, { paymentId: { $in: [...paymentIds] } }, { orderBy: { createdAt: "asc", id: "asc" } });
    return paymentIds.map((id) => rows.filter((row) => row.paymentId === id));
  });

  readonly instancesByLicenseKey = new DataLoader<string, LicenseInstance[]>(async (licenseKeyIds) => {
    const rows = await this.em.find(
      LicenseInstance,
      { licenseKeyId: { $in: [...licenseKeyIds] }, deactivatedAt: null },
      { orderBy: { createdAt: "asc", id: "asc" } },
    );
    return licenseKeyIds.map((id) => rows.filter((row) => row.licenseKeyId === id));
  });

  private byId<T extends { id: string }>(entity: EntityClass<T>): DataLoader<string, T | null> {
    return new DataLoader<string, T | null>(async (ids) => {
      const rows = await this.em.find(entity, { id: { $in: [...ids] } } as never);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }
}
