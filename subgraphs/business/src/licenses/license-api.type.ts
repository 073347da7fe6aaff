import { DateTimeResolver } from "graphql-scalars";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import type { LicenseActivation } from "./license-api.service.ts";

@ObjectType("LicenseCustomer", { description: "Who a license key was issued to." })
@Directive("@inaccessible")
export class LicenseCustomerType {
  @Field(() => ID)
  customerId!: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String)
  email!: string;
}

@ObjectType("LicenseProduct", { description: "The product a license key unlocks." })
@Directive("@inaccessible")
export class LicenseProductType {
  @Field(() => ID)
  productId!: string;

  @Field(() => String)
  name!: string;
}

@ObjectType("LicenseActivation", { description: "One activation (instance) of a license key, as the public license API answers it." })
@Directive("@inaccessible")
export class LicenseActivationType {
  @Field(() => ID, { description: "The instance id: keep it to validate or deactivate this activation." })
  id!: string;

  @Field(() => ID)
  businessId!: string;

  @Field(() => ID)
  licenseKeyId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => DateTimeResolver)
  createdAt!: Date;

  @Field(() => LicenseCustomerType)
  customer!: LicenseCustomerType;

  @Field(() => LicenseProductType)
  product!: LicenseProductType;

  static from({ instance, licenseKey, customer, product }: LicenseActivation): LicenseActivationType {
    return Object.assign(new LicenseActivationType(), {
      id: instance.id,
      businessId: licenseKey.businessId,
      licenseKeyId: licenseKey.id,
      name: instance.name,
      createdAt: instance.createdAt,
      customer: { customerId: customer.id, name: customer.name ?? null, email: customer.email },
      product: { productId: product.id, name: product.name },
    });
  }
}

@ObjectType("LicenseValidation")
@Directive("@inaccessible")
export class LicenseValidationType {
  @Field(() => Boolean, { description: "True when the key is active (and, when asked, the instance is one of its activations)." })
  valid!: boolean;
}

/** The REST body of an activation (`POST /licenses/activate` → 201). */
export function activationJson(activation: LicenseActivation) {
  const { instance, licenseKey, customer, product } = activation;
  return {
    id: instance.id,
    business_id: licenseKey.businessId,
    license_key_id: licenseKey.id,
    name: instance.name,
    created_at: instance.createdAt.toISOString(),
    customer: { customer_id: customer.id, name: customer.name ?? null, email: customer.email },
    product: { product_id: product.id, name: product.name },
  };
}
