import fc from "fast-check";
import {
  type GraphQLField,
  type GraphQLInputType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
} from "graphql";

/** One place in a field's arguments a malformed value can go: `["input", "email"]`. */
export interface Leaf {
  path: string[];
  type: GraphQLInputType;
  /** An input object: an unknown extra key is malformed too. */
  object: boolean;
}

export function leavesOf(field: GraphQLField<unknown, unknown>): Leaf[] {
  const leaves: Leaf[] = [];
  const walk = (path: string[], type: GraphQLInputType, depth: number) => {
    const named = getNamedType(type);
    const object = isInputObjectType(named);
    leaves.push({ path, type, object });
    if (object && depth < 3) {
      for (const inner of Object.values(named.getFields())) {
        if (inner.astNode?.directives?.some((d) => d.name.value === "inaccessible")) continue;
        walk([...path, inner.name], inner.type, depth + 1);
      }
    }
  };
  for (const arg of field.args) walk([arg.name], arg.type, 0);
  return leaves;
}

const looksLikeEmail = (s: string) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(s);
const looksLikeUrl = (s: string) => /^https?:\/\//i.test(s);

/**
 * Values that are wrong for `leaf` whatever the field means: of another JSON type, null where
 * GraphQL says non-null, oversized text, integers outside GraphQL's Int, unknown enum values,
 * dates that are not dates, garbage where an id, email, URL or token belongs, unknown keys.
 * Plausible free text (a name, a comment) is not generated: it may be valid.
 */
export function malformedFor(leaf: Leaf): fc.Arbitrary<{ kind: string; value: unknown }> {
  const name = leaf.path.at(-1)!;
  const named = getNamedType(leaf.type);
  const tag = (kind: string, arb: fc.Arbitrary<unknown>) => arb.map((value) => ({ kind, value }));
  const options: fc.Arbitrary<{ kind: string; value: unknown }>[] = [
    tag("object instead of a scalar", fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { minKeys: 1, maxKeys: 3 })),
    tag("nested lists", fc.array(fc.array(fc.integer(), { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 3 })),
  ];
  if (isNonNullType(leaf.type)) options.push(tag("null for a required value", fc.constant(null)));
  if (isListType(isNonNullType(leaf.type) ? leaf.type.ofType : leaf.type)) options.push(tag("a bare string for a list", fc.string({ minLength: 1, maxLength: 8 })));
  if (leaf.object) {
    options.push(tag("unknown key", fc.constant("__extra__")));
    options.push(tag("a string for an input object", fc.string({ maxLength: 20 })));
    return fc.oneof(...options);
  }
  switch (named.name) {
    case "Int":
      options.push(tag("outside 32-bit Int", fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 1e15, -1e300)));
      options.push(tag("a fraction for an Int", fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).filter((n) => !Number.isInteger(n))));
      options.push(tag("a numeric string for an Int", fc.integer().map(String)));
      break;
    case "Float":
      options.push(tag("a string for a Float", fc.string({ minLength: 1, maxLength: 10 })));
      break;
    case "Boolean":
      options.push(tag("a string for a Boolean", fc.constantFrom("true", "yes", "1", "")));
      options.push(tag("a number for a Boolean", fc.integer()));
      break;
    case "DateTime":
      options.push(tag("not a date", fc.constantFrom("not-a-date", "2026-13-45T99:99:99Z", "", "0", "9".repeat(40))));
      break;
    case "ID":
    case "String": {
      options.push(tag("a boolean for text", fc.boolean()));
      options.push(tag("oversized text", fc.integer({ min: 20_000, max: 200_000 }).map((n) => "x".repeat(n))));
      if (named.name === "String") options.push(tag("a number for a String", fc.integer()));
      if (name === "id" || /Ids?$/.test(name)) options.push(tag("garbage id", fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom("", " ", "../../etc/passwd", "' OR 1=1 --", "biz_northwind", "cus_%", "\u0000"))));
      else if (/email/i.test(name)) options.push(tag("not an email", fc.string({ maxLength: 80 }).filter((s) => !looksLikeEmail(s.trim()))));
      else if (/url/i.test(name)) options.push(tag("not an https URL", fc.oneof(fc.string({ maxLength: 60 }).filter((s) => !looksLikeUrl(s)), fc.constantFrom("javascript:alert(1)", "ftp://example.com/x", "http://evil.example/x"))));
      else if (/token/i.test(name)) options.push(tag("garbage token", fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom("", "0".repeat(32), "A".repeat(64)))));
      break;
    }
    default:
      if (isEnumType(named)) {
        const values = new Set(named.getValues().map((v) => v.value));
        options.push(tag("unknown enum value", fc.string({ minLength: 1, maxLength: 20 }).filter((s) => !values.has(s))));
      }
  }
  return fc.oneof(...options);
}

/** `base` with the value at `path` replaced (or, for "unknown key", an extra key added next to it). */
export function withValue(base: Record<string, unknown>, path: string[], malformed: { kind: string; value: unknown }): Record<string, unknown> {
  const copy = structuredClone(base);
  let target: any = copy;
  for (const key of path.slice(0, -1)) {
    if (target[key] == null || typeof target[key] !== "object") target[key] = {};
    target = Array.isArray(target[key]) ? target[key][0] : target[key];
  }
  const last = path.at(-1)!;
  if (malformed.kind === "unknown key") {
    const object = target[last] && typeof target[last] === "object" ? (Array.isArray(target[last]) ? target[last][0] : target[last]) : (target[last] = {});
    object.__extra__ = "x";
  } else {
    target[last] = malformed.value;
  }
  return copy;
}
