import { DateTimeResolver } from "graphql-scalars";
import { Field, ID, Int, ObjectType } from "type-graphql";
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

  static from(licenseKey: LicenseKey): LicenseKeyType {
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
    });
  }
}
