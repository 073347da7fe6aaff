import { Arg, Ctx, Directive, ID, Mutation, Query, Resolver } from "type-graphql";
import type { BusinessContext } from "../shared/context.ts";
import { dashboardScope } from "../shared/merchant-scope.ts";
import type { ApiKey } from "./api-key.entity.ts";
import { createScopedApiKey, listApiKeys, revokeApiKey } from "./api-key.service.ts";
import { ApiKeyInfoType, CreatedApiKeyType } from "./api-key.type.ts";

const toInfo = (key: ApiKey): ApiKeyInfoType => ({
  id: key.id,
  name: key.name,
  prefix: key.prefix,
  mode: key.mode,
  createdAt: key.createdAt,
  lastUsedAt: key.lastUsedAt ?? null,
  revokedAt: key.revokedAt ?? null,
});

/** The dashboard's key management: a signed-in merchant user, in its business and current mode; never an API key. */
@Resolver(() => ApiKeyInfoType)
export class ApiKeyResolver {
  @Query(() => [ApiKeyInfoType], { description: "The business's keys in the dashboard's mode, active first (dashboard only)." })
  @Directive("@inaccessible")
  async apiKeys(@Ctx() ctx: BusinessContext): Promise<ApiKeyInfoType[]> {
    return (await listApiKeys(ctx.em, dashboardScope(ctx))).map(toInfo);
  }

  @Mutation(() => CreatedApiKeyType, { description: "Creates a secret key in the dashboard's mode; the secret is answered this once only." })
  @Directive("@inaccessible")
  async createApiKey(@Arg("name", () => String) name: string, @Ctx() ctx: BusinessContext): Promise<CreatedApiKeyType> {
    const { key, apiKey } = await createScopedApiKey(ctx.em, dashboardScope(ctx), name);
    return { apiKey: toInfo(apiKey), secret: key };
  }

  @Mutation(() => ApiKeyInfoType, { description: "Revokes a key at once: requests made with it are refused from now on." })
  @Directive("@inaccessible")
  async revokeApiKey(@Arg("id", () => ID) id: string, @Ctx() ctx: BusinessContext): Promise<ApiKeyInfoType> {
    return toInfo(await revokeApiKey(ctx.em, dashboardScope(ctx), id));
  }
}
