import { DateTimeResolver } from "graphql-scalars";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import type { Mode } from "@billfold/shared";
import { ModeEnum } from "../shared/mode.ts";

/** What the dashboard shows of a key: its name and visible prefix, never the secret or its hash. */
@ObjectType("ApiKeyInfo", { description: "A secret API key of the business, by its visible prefix." })
@Directive("@inaccessible")
export class ApiKeyInfoType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: "The start of the key, e.g. sk_test_biz_…_ab12cd; the rest is never shown again." })
  prefix!: string;

  @Field(() => ModeEnum)
  mode!: Mode;

  @Field(() => DateTimeResolver)
  createdAt!: Date;

  @Field(() => DateTimeResolver, { nullable: true })
  lastUsedAt!: Date | null;

  @Field(() => DateTimeResolver, { nullable: true })
  revokedAt!: Date | null;
}

@ObjectType("CreatedApiKey", { description: "A new key: `secret` is the whole key, shown this once only." })
@Directive("@inaccessible")
export class CreatedApiKeyType {
  @Field(() => ApiKeyInfoType)
  apiKey!: ApiKeyInfoType;

  @Field(() => String)
  secret!: string;
}
