import {
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLNamedType,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  parse,
} from "graphql";

/**
 * Limits checked on every operation before Apollo validates it and the query planner sees it
 * (OWASP GraphQL: depth, amount, aliases; Apollo advisories GHSA-q2f9-x4p4-7xmh and
 * GHSA-p2q6-pwh5-m6jr: named-fragment expansion and deeply nested selections). Every figure is
 * computed with fragments fully expanded, but each fragment is measured once (memoised), so the
 * check itself stays linear in the size of the document whatever the expansion would be.
 */
export interface OperationLimits {
  /** Lexical tokens in the document (graphql-js `maxTokens`): caps parse work and document size. */
  maxTokens: number;
  /** Nesting of fields, root field = 1. */
  maxDepth: number;
  /** Field selections once every fragment is expanded (aliases and __typename count). */
  maxFields: number;
  /** Aliased fields once expanded. */
  maxAliases: number;
  /** Fragment spreads once expanded (one fragment spread twice inside one spread twice counts 4). */
  maxFragmentSpreads: number;
  /** Fragments (named or inline) nested inside fragments. */
  maxFragmentDepth: number;
  /** Estimated cost: 1 per field, times the page size (`first`/`last`) or 10 for other lists. */
  maxCost: number;
}

export const DEFAULT_OPERATION_LIMITS: OperationLimits = {
  maxTokens: 6000,
  maxDepth: 12,
  maxFields: 500,
  maxAliases: 200,
  maxFragmentSpreads: 200,
  maxFragmentDepth: 8,
  maxCost: 20_000,
};

/** A list without a page-size argument is assumed to hold this many items. */
export const DEFAULT_LIST_SIZE = 10;
const PAGE_ARGUMENTS = new Set(["first", "last", "limit"]);

export interface OperationMetrics {
  depth: number;
  fields: number;
  aliases: number;
  fragmentSpreads: number;
  fragmentDepth: number;
  cost: number;
}

const zero = (): OperationMetrics => ({ depth: 0, fields: 0, aliases: 0, fragmentSpreads: 0, fragmentDepth: 0, cost: 0 });

/** Saturating arithmetic: an explosive document must not overflow into small or NaN figures. */
const CAP = Number.MAX_SAFE_INTEGER / 4;
const add = (a: number, b: number) => Math.min(CAP, a + b);
const times = (a: number, b: number) => Math.min(CAP, a * b);

function pageSize(value: ValueNode | undefined, variables: Record<string, unknown>): number | null {
  if (!value) return null;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const given = variables[value.name.value];
    return typeof given === "number" && Number.isFinite(given) ? given : null;
  }
  return null;
}

class Measure {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly memo = new Map<string, OperationMetrics>();
  private readonly inProgress = new Set<string>();

  constructor(
    document: DocumentNode,
    private readonly schema: GraphQLSchema | undefined,
    private readonly variables: Record<string, unknown>,
  ) {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(definition.name.value, definition);
    }
  }

  private typeNamed(name: string | undefined): GraphQLNamedType | undefined {
    return name && this.schema ? this.schema.getType(name) ?? undefined : undefined;
  }

  fragment(name: string): OperationMetrics {
    const cached = this.memo.get(name);
    if (cached) return cached;
    const definition = this.fragments.get(name);
    // Unknown or cyclic fragments are graphql-js validation errors; they add nothing here.
    if (!definition || this.inProgress.has(name)) return zero();
    this.inProgress.add(name);
    const inner = this.selectionSet(definition.selectionSet, this.typeNamed(definition.typeCondition.name.value), false);
    this.inProgress.delete(name);
    const result = { ...inner, fragmentDepth: inner.fragmentDepth + 1 };
    this.memo.set(name, result);
    return result;
  }

  /** `paged`: the parent field already multiplied by its page size (connection `nodes` lists do not again). */
  selectionSet(selectionSet: SelectionSetNode, parent: GraphQLNamedType | undefined, paged: boolean): OperationMetrics {
    const total = zero();
    const merge = (part: OperationMetrics) => {
      total.depth = Math.max(total.depth, part.depth);
      total.fields = add(total.fields, part.fields);
      total.aliases = add(total.aliases, part.aliases);
      total.fragmentSpreads = add(total.fragmentSpreads, part.fragmentSpreads);
      total.fragmentDepth = Math.max(total.fragmentDepth, part.fragmentDepth);
      total.cost = add(total.cost, part.cost);
    };
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const part = this.fragment(selection.name.value);
        merge({ ...part, fragmentSpreads: add(part.fragmentSpreads, 1) });
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const part = this.selectionSet(selection.selectionSet, this.typeNamed(selection.typeCondition?.name.value) ?? parent, paged);
        merge({ ...part, fragmentDepth: part.fragmentDepth + 1 });
      } else {
        const definition = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[selection.name.value] : undefined;
        const pageArgument = selection.arguments?.find((argument) => PAGE_ARGUMENTS.has(argument.name.value));
        const defaultPage = definition?.args.find((argument) => PAGE_ARGUMENTS.has(argument.name))?.defaultValue;
        let multiplier = 1;
        let childPaged = false;
        const page = pageArgument ? pageSize(pageArgument.value, this.variables) : typeof defaultPage === "number" ? defaultPage : null;
        if (page !== null) {
          multiplier = Math.max(1, page);
          childPaged = true;
        } else if (definition && isListType(getNullableType(definition.type)) && !paged) {
          multiplier = DEFAULT_LIST_SIZE;
        }
        const children = selection.selectionSet ? this.selectionSet(selection.selectionSet, definition ? getNamedType(definition.type) : undefined, childPaged) : zero();
        merge({
          depth: children.depth + 1,
          fields: add(children.fields, 1),
          aliases: add(children.aliases, selection.alias ? 1 : 0),
          fragmentSpreads: children.fragmentSpreads,
          fragmentDepth: children.fragmentDepth,
          cost: add(1, times(multiplier, children.cost)),
        });
      }
    }
    return total;
  }
}

function rootType(schema: GraphQLSchema | undefined, operation: OperationDefinitionNode): GraphQLNamedType | undefined {
  if (!schema) return undefined;
  return (operation.operation === "mutation" ? schema.getMutationType() : operation.operation === "subscription" ? schema.getSubscriptionType() : schema.getQueryType()) ?? undefined;
}

/** Figures for each operation of `document` (fragments expanded, each measured once). */
export function measureOperations(
  document: DocumentNode,
  options: { schema?: GraphQLSchema; variables?: Record<string, unknown> } = {},
): Map<string, OperationMetrics> {
  const measure = new Measure(document, options.schema, options.variables ?? {});
  const result = new Map<string, OperationMetrics>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    result.set(definition.name?.value ?? "", measure.selectionSet(definition.selectionSet, rootType(options.schema, definition), false));
  }
  return result;
}

export const OPERATION_LIMIT_REASON = "operation_limit";

const LIMIT_MESSAGES: [keyof OperationMetrics, keyof OperationLimits, string][] = [
  ["fragmentDepth", "maxFragmentDepth", "nests fragments too deeply"],
  ["fragmentSpreads", "maxFragmentSpreads", "expands too many fragment spreads"],
  ["depth", "maxDepth", "nests fields too deeply"],
  ["aliases", "maxAliases", "uses too many aliases"],
  ["fields", "maxFields", "selects too many fields"],
  ["cost", "maxCost", "asks for too much data at once"],
];

function refusal(message: string, limit: string, max: number, actual: number): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: "GRAPHQL_VALIDATION_FAILED", reason: OPERATION_LIMIT_REASON, limit, max, actual },
  });
}

/**
 * Null when `source` is within the limits (or is not valid GraphQL syntax at all: Apollo reports
 * that as usual); otherwise the error to answer with, before any validation or planning.
 */
export function checkOperationLimits(
  source: string,
  options: {
    limits?: OperationLimits;
    schema?: GraphQLSchema;
    variables?: Record<string, unknown>;
    operationName?: string | null;
    /** Introspection is served: schema-only operations (GraphiQL's docs query nests ~15 deep) skip the shape limits. */
    introspection?: boolean;
  } = {},
): GraphQLError | null {
  const limits = options.limits ?? DEFAULT_OPERATION_LIMITS;
  let document: DocumentNode;
  try {
    document = parse(source, { maxTokens: limits.maxTokens, noLocation: true });
  } catch (error) {
    if (error instanceof GraphQLError && /tokens\. Parsing aborted/i.test(error.message)) {
      return refusal(`This request is too large (more than ${limits.maxTokens} tokens).`, "maxTokens", limits.maxTokens, limits.maxTokens + 1);
    }
    return null;
  }
  // Apollo Gateway answers 500 when it cannot pick the operation to run: refuse those here as the client errors they are.
  const names = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).map((d) => (d as OperationDefinitionNode).name?.value ?? null);
  const operationName = options.operationName ?? null;
  if (operationName !== null ? !names.includes(operationName) : names.length > 1) {
    return new GraphQLError(operationName !== null ? `Unknown operation named "${operationName}".` : "Name the operation to run (operationName): this document holds several.", {
      extensions: { code: "OPERATION_RESOLUTION_FAILURE" },
    });
  }
  if (options.introspection && isIntrospectionOnly(document)) return null;
  const operations = measureOperations(document, options);
  // Every operation counts, not only the one named: a document is validated (and planned) whole.
  for (const metrics of operations.values()) {
    for (const [metric, limit, wording] of LIMIT_MESSAGES) {
      const actual = metrics[metric];
      if (actual > limits[limit]) return refusal(`This operation ${wording} (${metric} ${actual} > ${limits[limit]}).`, limit, limits[limit], actual);
    }
  }
  return null;
}

/**
 * True when every operation selects only `__schema`, `__type` or `__typename` at its root. Such
 * operations are answered from the schema by graphql-js alone (no subgraph, no query plan), and
 * are refused outright when introspection is off.
 */
export function isIntrospectionOnly(document: DocumentNode): boolean {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return (
    operations.length > 0 &&
    operations.every((operation) =>
      operation.selectionSet.selections.every((selection) => selection.kind === Kind.FIELD && selection.name.value.startsWith("__")),
    )
  );
}
