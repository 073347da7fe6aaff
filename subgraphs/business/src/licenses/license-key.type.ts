import { DateTimeResolver } from "graphql-scalars";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { LicenseKeyStatusEnum } from "../shared/enums.ts";
import type { LicenseInstance } from "./license-instance.entity.ts";
import type { LicenseKey } from "./license-key.entity.ts";
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

/** The key itself stays on the entity: only its mask is a field. */
@ObjectType("LicenseKey")
export class LicenseKeyType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  maskedKey!: string;

  @Field(() => LicenseKeyStatusEnum)
  status!: string;

  @Field(() => Int, { nullable: true, description: "Null means unlimited." })
  activationLimit?: number | null;

  @Field(() => Int)
  activationsUsed!: number;

  @Field(() => DateTimeResolver, { nullable: true })
  expiresAt?: Date | null;

  productId!: string;

  static from(licenseKey: LicenseKey): LicenseKeyType {
    return Object.assign(new LicenseKeyType(), {
      id: licenseKey.id,
      maskedKey: maskLicenseKey(licenseKey.key),
      status: licenseKey.status,
      activationLimit: licenseKey.activationLimit ?? null,
      activationsUsed: licenseKey.activationsUsed,
      expiresAt: licenseKey.expiresAt ?? null,
      productId: licenseKey.productId,
    });
  }
}
