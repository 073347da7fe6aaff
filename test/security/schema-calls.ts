import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from "graphql";

/**
 * Builds GraphQL calls for every field of a schema without knowing the fields: arguments are
 * filled generically (ids from a pool of someone else's rows, chosen by the argument's name),
 * selections take every leaf. A field added tomorrow gets its calls the same way.
 */

/** Ids of one tenant's rows, by table name (`subscription`, `payment_method`, `session`, …). */
export type IdPool = Record<string, string[]>;

export interface Victim {
  label: string;
  businessId: string;
  customerId: string;
  email: string;
  mode: "test" | "live";
  pool: IdPool;
  /** Strings that must never appear in an answer to someone else (row ids, the email). */
  markers: string[];
}

const inaccessible = (element: { astNode?: { directives?: readonly { name: { value: string } }[] } | null }) =>
  element.astNode?.directives?.some((d) => d.name.value === "inaccessible") ?? false;

const words = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();

/** The table an id argument points at: `subscriptionId` → subscription; `id` of `endSession` → session. */
export function poolKeysFor(argName: string, fieldName: string, pool: IdPool): string[] {
  const tables = Object.keys(pool).filter((table) => pool[table].length > 0);
  if (argName === "businessId") return ["business"];
  const base = argName.replace(/Ids?$/, "");
  const named = words(base);
  if (argName !== "id" && argName !== "ids") {
    const exact = tables.filter((t) => t === named || t.endsWith(`_${named}`) || named.endsWith(t));
    if (exact.length) return exact;
  }
  // `id` (or an unknown *Id): the table whose name the field mentions, longest first; else every table.
  const field = words(fieldName);
  const mentioned = tables.filter((t) => field.includes(t)).sort((a, b) => b.length - a.length);
  return mentioned.length ? [mentioned[0]] : tables;
}

const isIdLike = (name: string, type: GraphQLInputType) =>
  (getNamedType(type).name === "ID" || getNamedType(type).name === "String") && (name === "id" || name === "ids" || /Ids?$/.test(name));

export interface ValueContext {
  victim: Victim;
  fieldName: string;
  /** Which id table to use for `id`-like arguments in this variant. */
  table?: string;
}

/** A value of `type` for argument/input field `name`: the victim's ids, email or business; harmless constants otherwise. */
export function valueFor(type: GraphQLInputType, name: string, context: ValueContext, depth = 0): unknown {
  if (isNonNullType(type)) return valueFor(type.ofType, name, context, depth);
  if (isListType(type)) return [valueFor(type.ofType, name, context, depth)];
  const { victim } = context;
  if (isIdLike(name, type)) {
    if (name === "businessId") return victim.businessId;
    if (name === "customerId") return victim.customerId;
    const tables = context.table ? [context.table] : poolKeysFor(name, context.fieldName, victim.pool);
    return victim.pool[tables[0]]?.[0] ?? `${tables[0] ?? "row"}_unknown`;
  }
  if (isInputObjectType(type)) {
    if (depth > 3) return {};
    const fields = Object.values(type.getFields()).filter((field) => !inaccessible(field));
    return Object.fromEntries(fields.map((field) => [field.name, valueFor(field.type, field.name, context, depth + 1)]));
  }
  if (isEnumType(type)) {
    const values = type.getValues().map((v) => v.value as string);
    if (type.name === "Mode") return victim.mode;
    return values[0];
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case "Int":
        return /first|last|limit|quantity/i.test(name) ? 1 : 0;
      case "Float":
        return 0;
      case "Boolean":
        return false;
      case "DateTime":
        return new Date().toISOString();
      case "String":
        if (/email/i.test(name)) return victim.email;
        if (/token/i.test(name)) return "0".repeat(32);
        if (/url/i.test(name)) return "https://example.com/return";
        return "x";
      default:
        return "x";
    }
  }
  return null;
}

/** Every leaf of the returned type, one object level deep, skipping fields with required arguments. */
export function selectionFor(type: GraphQLOutputType, depth = 0): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return "";
  if (!isObjectType(named)) return "{ __typename }";
  const parts: string[] = [];
  for (const field of Object.values(named.getFields())) {
    if (inaccessible(field)) continue;
    if (field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)) continue;
    const inner = getNamedType(field.type);
    if (isLeafType(inner)) parts.push(field.name);
    else if (depth < 2) {
      const sub = selectionFor(field.type, depth + 1);
      if (sub !== "{ __typename }") parts.push(`${field.name} ${sub}`);
    }
  }
  return `{ __typename ${parts.join(" ")} }`;
}

/** GraphQL type syntax for a variable declaration. */
const typeName = (type: GraphQLInputType): string => type.toString();

export interface FieldCall {
  field: string;
  operation: "query" | "mutation";
  query: string;
  variables: Record<string, unknown>;
  /** True when some argument names a row (an id): the caller is trying to reach a particular one. */
  targeted: boolean;
}

/** One call per id table an ambiguous `id` argument could mean (a handful at most). */
export function callsFor(field: GraphQLField<unknown, unknown>, operation: "query" | "mutation", victim: Victim): FieldCall[] {
  const args = field.args as readonly GraphQLArgument[];
  const idArgs = collectIdNames(args);
  const ambiguous = idArgs.filter((n) => n === "id" || n === "ids");
  const tables = ambiguous.length ? poolKeysFor("id", field.name, victim.pool).slice(0, 4) : [undefined];
  return tables.map((table) => {
    const variables: Record<string, unknown> = {};
    for (const arg of args) variables[arg.name] = valueFor(arg.type, arg.name, { victim, fieldName: field.name, table });
    const declarations = args.map((arg) => `$${arg.name}: ${typeName(arg.type)}`).join(", ");
    const passing = args.map((arg) => `${arg.name}: $${arg.name}`).join(", ");
    const query = `${operation}${declarations ? ` (${declarations})` : ""} { ${field.name}${passing ? `(${passing})` : ""} ${selectionFor(field.type)} }`;
    return { field: field.name, operation, query, variables, targeted: idArgs.length > 0 };
  });
}

function collectIdNames(args: readonly { name: string; type: GraphQLInputType }[], depth = 0): string[] {
  const names: string[] = [];
  for (const arg of args) {
    if (isIdLike(arg.name, arg.type)) names.push(arg.name);
    const named = getNamedType(arg.type);
    if (isInputObjectType(named) && depth < 3) names.push(...collectIdNames(Object.values(named.getFields()), depth + 1));
  }
  return names;
}

/** Root fields of a schema: [operation, field]. */
export function rootFields(schema: GraphQLSchema): [("query" | "mutation"), GraphQLField<unknown, unknown>][] {
  const out: [("query" | "mutation"), GraphQLField<unknown, unknown>][] = [];
  for (const [operation, type] of [["query", schema.getQueryType()], ["mutation", schema.getMutationType()]] as const) {
    for (const field of Object.values((type as GraphQLObjectType | null)?.getFields() ?? {})) {
      if (field.name.startsWith("_")) continue;
      out.push([operation, field]);
    }
  }
  return out;
}

/**
 * The customer graph as the gateway serves it: the supergraph without its @inaccessible
 * elements and federation plumbing. Also returns the names of the @inaccessible root fields.
 */
export function customerGraph(supergraphSdl: string): { schema: GraphQLSchema; inaccessibleRootFields: Set<string> } {
  const full = buildSchema(supergraphSdl, { assumeValidSDL: true });
  const inaccessibleRootFields = new Set<string>();
  for (const type of [full.getQueryType(), full.getMutationType()]) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      if (field.astNode?.directives?.some((d) => d.name.value === "inaccessible")) inaccessibleRootFields.add(field.name);
    }
  }
  return { schema: full, inaccessibleRootFields };
}
