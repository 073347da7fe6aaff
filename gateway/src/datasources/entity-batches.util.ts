import type { GraphQLFormattedError } from "graphql";

type Path = ReadonlyArray<string | number>;
type ErrorLike = Omit<GraphQLFormattedError, "path"> & { path?: Path };

/** Positions of items grouped by key, in first-seen order; each group keeps the original order. */
export function groupPositions<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, number[]> {
  const groups = new Map<K, number[]>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    const positions = groups.get(key);
    if (positions) positions.push(index);
    else groups.set(key, [index]);
  });
  return groups;
}

/** A sub-request's error paths `["_entities", local, …]` → the position in the whole request. */
export function remapEntityErrors<E extends ErrorLike>(errors: readonly E[], positions: readonly number[]): E[] {
  return errors.map((error) => {
    const path = error.path;
    if (!path || path[0] !== "_entities" || typeof path[1] !== "number") return error;
    const original = positions[path[1]];
    if (original === undefined) return error;
    return { ...error, path: ["_entities", original, ...path.slice(2)] };
  });
}

/** The first position of each key among `positions`: where one error per key is reported. */
export function firstPositionByKey<K>(positions: readonly number[], keyAt: (position: number) => K): Map<K, number> {
  const first = new Map<K, number>();
  for (const position of positions) {
    const key = keyAt(position);
    if (!first.has(key)) first.set(key, position);
  }
  return first;
}
