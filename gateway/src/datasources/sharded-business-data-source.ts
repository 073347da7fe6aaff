import type { GraphQLDataSource } from "@apollo/gateway";
import { type GraphQLFormattedError, Kind } from "graphql";
import { BUSINESS_HEADER, type GatewayContext } from "../context.ts";
import type { SubgraphHttp } from "../http/subgraph-http.ts";
import type { BusinessDirectory, BusinessRoute } from "../routing/business-directory.ts";
import { firstPositionByKey, groupPositions, remapEntityErrors } from "./entity-batches.util.ts";
import { ShardBreaker } from "./shard-breaker.ts";
import { operationOf, type ProcessOptions, SignedDataSource, type SubgraphResponse } from "./signed-data-source.ts";

type SubgraphRequest = ProcessOptions["request"];
type Representation = Record<string, unknown>;
type Logger = { warn(object: object, message: string): void };

export interface ShardedBusinessDataSourceOptions {
  directory: BusinessDirectory;
  http: SubgraphHttp;
  /** Per-shard budget of an `_entities` fan-out. */
  shardTimeoutMs: number;
  /** Budget of a root operation (queries and mutations routed by `x-billfold-business`). */
  rootTimeoutMs: number;
  /** After a shard fails, its share of `_entities` fails at once for this long (then one probe at a time). */
  breakerOpenMs?: number;
  log?: Logger;
}

const UNROUTABLE = Symbol("unroutable");
type RouteKey = string | typeof UNROUTABLE;

function error(message: string, extensions: Record<string, unknown>, path?: (string | number)[]): GraphQLFormattedError {
  return path ? { message, path, extensions } : { message, extensions };
}

export const shardUnavailable = (route: BusinessRoute, path?: (string | number)[]) =>
  error(
    `Couldn't load data from ${route.name} right now.`,
    { code: "SHARD_UNAVAILABLE", businessId: route.id, businessName: route.name, shard: route.shard },
    path,
  );

const businessNotFound = (businessId: string, path?: (string | number)[]) =>
  error("This business was not found.", { code: "NOT_FOUND", businessId }, path);

function isEntitiesOperation(options: ProcessOptions): boolean {
  const { request } = options;
  const operation = operationOf(options);
  if (operation) {
    const first = operation.selectionSet.selections[0];
    return operation.selectionSet.selections.length === 1 && first.kind === Kind.FIELD && first.name.value === "_entities";
  }
  return Array.isArray(request.variables?.representations) && /\b_entities\s*\(/.test(request.query ?? "");
}

/**
 * The one `business` subgraph of the supergraph, served by many shards. `_entities` calls are
 * split by businessId and sent to each business's shard in parallel; a shard that fails or is
 * too slow costs only its own entities (null, plus one SHARD_UNAVAILABLE error per business).
 * Root operations go to the shard of the business named by the `x-billfold-business` header.
 */
export class ShardedBusinessDataSource implements GraphQLDataSource<GatewayContext> {
  private readonly entitySources = new Map<string, SignedDataSource>();
  private readonly rootSources = new Map<string, SignedDataSource>();
  private readonly breaker: ShardBreaker;

  constructor(private readonly options: ShardedBusinessDataSourceOptions) {
    this.breaker = new ShardBreaker(options.breakerOpenMs ?? 0);
  }

  process(options: ProcessOptions): Promise<SubgraphResponse> {
    return isEntitiesOperation(options) ? this.fetchEntities(options) : this.fetchRoot(options);
  }

  private source(cache: Map<string, SignedDataSource>, url: string, timeoutMs: number): SignedDataSource {
    let source = cache.get(url);
    if (!source) {
      source = new SignedDataSource(`${url}/graphql`, this.options.http, timeoutMs);
      cache.set(url, source);
    }
    return source;
  }

  private async fetchEntities(options: ProcessOptions): Promise<SubgraphResponse> {
    const { request, context } = options;
    const representations = request.variables!.representations as Representation[];
    const entities: unknown[] = new Array(representations.length).fill(null);
    const errors: GraphQLFormattedError[] = [];

    const keyOf = (representation: Representation): RouteKey => {
      const businessId =
        representation.businessId ?? (representation.__typename === "Business" ? representation.id : undefined) ?? context.businessId;
      return typeof businessId === "string" && businessId ? businessId : UNROUTABLE;
    };
    const byBusiness = groupPositions(representations, keyOf);
    const routes = await this.options.directory.lookup([...byBusiness.keys()].filter((key) => key !== UNROUTABLE));

    const byShard = new Map<string, { url: string; positions: number[] }>();
    for (const [businessId, positions] of byBusiness) {
      if (businessId === UNROUTABLE) {
        for (const position of positions) {
          errors.push(error("This entity names no business, so no shard can serve it.", { code: "BAD_USER_INPUT" }, ["_entities", position]));
        }
        continue;
      }
      const route = routes.get(businessId);
      if (!route) {
        errors.push(businessNotFound(businessId, ["_entities", positions[0]]));
        continue;
      }
      if (!route.url) {
        this.options.log?.warn({ shard: route.shard, businessId }, "business routed to a shard this gateway does not know");
        errors.push(shardUnavailable(route, ["_entities", positions[0]]));
        continue;
      }
      const group = byShard.get(route.shard);
      if (group) group.positions.push(...positions);
      else byShard.set(route.shard, { url: route.url, positions: [...positions] });
    }

    await Promise.all(
      [...byShard].map(async ([shard, { url, positions }]) => {
        positions.sort((a, b) => a - b);
        const answer = await this.callShard(options, shard, url, positions.map((position) => representations[position]));
        if (answer.ok) {
          positions.forEach((position, local) => {
            entities[position] = answer.entities[local];
          });
          errors.push(...remapEntityErrors(answer.errors, positions));
          return;
        }
        this.options.log?.warn({ shard, reason: answer.reason, entities: positions.length }, "shard unavailable; its entities are null");
        const firstByBusiness = firstPositionByKey(positions, (position) => keyOf(representations[position]) as string);
        for (const [businessId, position] of firstByBusiness) {
          errors.push(shardUnavailable(routes.get(businessId)!, ["_entities", position]));
        }
      }),
    );

    errors.sort((a, b) => pathPosition(a) - pathPosition(b));
    return errors.length > 0 ? { data: { _entities: entities }, errors } : { data: { _entities: entities } };
  }

  private async callShard(
    options: ProcessOptions,
    shard: string,
    url: string,
    representations: Representation[],
  ): Promise<{ ok: true; entities: unknown[]; errors: GraphQLFormattedError[] } | { ok: false; reason: string }> {
    if (!this.breaker.allow(shard)) return { ok: false, reason: "failed recently (breaker open)" };
    const answer = await this.askShard(options, url, representations);
    if (answer.ok) this.breaker.succeeded(shard);
    else this.breaker.failed(shard);
    return answer;
  }

  private async askShard(
    options: ProcessOptions,
    url: string,
    representations: Representation[],
  ): Promise<{ ok: true; entities: unknown[]; errors: GraphQLFormattedError[] } | { ok: false; reason: string }> {
    const { request } = options;
    // process() rewrites request.http, so every shard gets a request object of its own.
    const own: SubgraphRequest = {
      query: request.query,
      operationName: request.operationName,
      extensions: request.extensions,
      variables: { ...request.variables, representations },
    };
    try {
      const response = await this.source(this.entitySources, url, this.options.shardTimeoutMs).process({ ...options, request: own });
      const received = (response.data as { _entities?: unknown } | null | undefined)?._entities;
      if (!Array.isArray(received) || received.length !== representations.length) {
        return { ok: false, reason: `malformed answer: ${JSON.stringify(response.errors?.map((e) => e.message) ?? [])}` };
      }
      return { ok: true, entities: received, errors: [...(response.errors ?? [])] };
    } catch (failure) {
      return { ok: false, reason: failure instanceof Error ? `${failure.name}: ${failure.message}` : String(failure) };
    }
  }

  private async fetchRoot(options: ProcessOptions): Promise<SubgraphResponse> {
    const { request, context } = options;
    const businessId = context.businessId;
    if (!businessId) {
      return {
        errors: [
          error(`Name the business this operation is for in the ${BUSINESS_HEADER} header.`, { code: "BAD_USER_INPUT" }),
        ],
      };
    }
    const route = await this.options.directory.route(businessId);
    if (!route) return { errors: [businessNotFound(businessId)] };
    if (!route.url) return { errors: [shardUnavailable(route)] };

    const own: SubgraphRequest = {
      query: request.query,
      operationName: request.operationName,
      extensions: request.extensions,
      variables: request.variables,
      http: { method: "POST", url: route.url, headers: new Headers({ [BUSINESS_HEADER]: businessId }) },
    };
    try {
      return await this.source(this.rootSources, route.url, this.options.rootTimeoutMs).process({ ...options, request: own });
    } catch (failure) {
      this.options.log?.warn({ shard: route.shard, businessId, reason: String(failure) }, "shard unavailable for a root operation");
      return { errors: [shardUnavailable(route)] };
    }
  }
}

function pathPosition(error: GraphQLFormattedError): number {
  const position = error.path?.[1];
  return typeof position === "number" ? position : -1;
}
