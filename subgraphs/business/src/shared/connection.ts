import { type ClassType, Directive, Field, Int, ObjectType } from "type-graphql";

@ObjectType("PageInfo")
@Directive("@inaccessible")
export class PageInfoType {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

/** A merchant list: `{ nodes pageInfo { hasNextPage endCursor } totalCount }`, hidden from the public graph. */
export function connectionType<T extends object>(name: string, node: ClassType<T>) {
  @ObjectType(name)
  @Directive("@inaccessible")
  class Connection {
    @Field(() => [node])
    nodes!: T[];

    @Field(() => PageInfoType)
    pageInfo!: PageInfoType;

    @Field(() => Int)
    totalCount!: number;
  }
  return Connection;
}
