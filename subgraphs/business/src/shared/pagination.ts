import { badInput } from "@billfold/shared";
import type { EntityClass, FilterQuery } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import { checkFirst } from "./limits.ts";

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Page<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

interface Cursor {
  at: Date;
  id: string;
}

export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString("base64url");
}

export function decodeCursor(value: string): Cursor {
  try {
    const [at, id] = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as [string, string];
    const date = new Date(at);
    if (typeof id !== "string" || Number.isNaN(date.getTime())) throw new Error("bad cursor");
    return { at: date, id };
  } catch {
    throw badInput('"after" is not a cursor this API gave out.', { argument: "after" });
  }
}

/**
 * Keyset pagination, newest first: `(time, id) < cursor`, one statement for the page (plus one
 * look-ahead row) and one for the total.
 */
export async function paginate<T extends { id: string }, K extends keyof T & string>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  timeField: K,
  args: PageArgs,
): Promise<Page<T>> {
  const first = checkFirst(args.first ?? 20);
  const cursor = args.after ? decodeCursor(args.after) : null;
  const keyset = cursor
    ? { $or: [{ [timeField]: { $lt: cursor.at } }, { [timeField]: cursor.at, id: { $lt: cursor.id } }] }
    : {};
  const rows = await em.find(entity, { $and: [where, keyset] } as FilterQuery<T>, {
    orderBy: { [timeField]: "desc", id: "desc" } as never,
    limit: first + 1,
  });
  const totalCount = await em.count(entity, where);
  const nodes = rows.slice(0, first);
  const last = nodes.at(-1);
  return {
    nodes,
    pageInfo: {
      hasNextPage: rows.length > first,
      endCursor: last ? encodeCursor(last[timeField] as Date, last.id) : null,
    },
    totalCount,
  };
}

/** Maps a page's nodes (entity → GraphQL type) and keeps the rest. */
export function mapPage<T, U>(page: Page<T>, map: (node: T) => U): Page<U> {
  return { ...page, nodes: page.nodes.map(map) };
}
