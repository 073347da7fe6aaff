import { DateTimeResolver } from "graphql-scalars";
import { Field, ID, Int, ObjectType } from "type-graphql";
import type { ProductType } from "../products/product.type.ts";
import { LicenseKeyStatusEnum } from "../shared/enums.ts";
import type { LicenseInstance } from "./license-instance.entity.ts";
import { type LicenseKey, licenseKeyStatus } from "./license-key.entity.ts";
import { maskLicenseKey } from "./license-key.util.ts";

@ObjectType("LicenseInstance")
export class LicenseInstanceType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => DateTimeResolver)
  createdAt!: Date;

  static from(instance: LicenseInstance): LicenseInstanceType {
    return Object.assign(new LicenseInstanceType(), { id: instance.id, name: instance.name, createdAt: instance.createdAt });
  }
}

/** What LicenseKeyType reads of a key: the entity or a plain row of it. */
export const LICENSE_KEY_FIELDS = [
  "id", "key", "status", "disableAt", "activationLimit", "activationsUsed", "expiresAt", "createdAt", "customerId", "productId",
] as const satisfies readonly (keyof LicenseKey)[];
export type LicenseKeyFields = Pick<LicenseKey, (typeof LICENSE_KEY_FIELDS)[number]>;

/**
 * A key as its owner sees it (the customer through their account, or the business itself): the
 * type is reachable only through authorised parents, so the full `key` is a field; lists show
 * `maskedKey` and reveal `key` on request.
 */
@ObjectType("LicenseKey")
export class LicenseKeyType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "The full key, for its owner (reveal and copy on request; show maskedKey by default)." })
  key!: string;

  @Field(() => String)
  maskedKey!: string;

  @Field(() => LicenseKeyStatusEnum, { description: "Effective now: disabled by the business or its subscription's end, expired past expiresAt." })
  status!: string;

  @Field(() => Int, { nullable: true, description: "Null means unlimited." })
  activationLimit?: number | null;

  @Field(() => Int)
  activationsUsed!: number;

  @Field(() => DateTimeResolver, { nullable: true })
  expiresAt?: Date | null;

  @Field(() => DateTimeResolver)
  createdAt!: Date;

  @Field(() => ID)
  customerId!: string;

  productId!: string;

  /** Not a field: the product read with the key, when it was. */
  product?: ProductType | null;

  /** From the entity, or from a plain row that may carry its product. */
  static from(licenseKey: LicenseKeyFields & { product?: ProductType | null }): LicenseKeyType {
    return Object.assign(new LicenseKeyType(), {
      id: licenseKey.id,
      key: licenseKey.key,
      maskedKey: maskLicenseKey(licenseKey.key),
      status: licenseKeyStatus(licenseKey),
      activationLimit: licenseKey.activationLimit ?? null,
      activationsUsed: licenseKey.activationsUsed,
      expiresAt: licenseKey.expiresAt ?? null,
      createdAt: licenseKey.createdAt,
      customerId: licenseKey.customerId,
      productId: licenseKey.productId,
      product: licenseKey.product,
    });
  }
}
