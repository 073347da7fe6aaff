import type { Mode } from "@billfold/shared";
import { Field, ObjectType } from "type-graphql";
import { ModeEnum } from "../shared/mode.ts";

@ObjectType("EmailChangeResult", { description: "The email a confirmed change moved the person's purchases to." })
export class EmailChangeResult {
  @Field(() => String)
  email!: string;

  @Field(() => ModeEnum)
  mode!: Mode;
}
