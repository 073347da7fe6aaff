import { IDENTITY_HEADER } from "@billfold/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AccountsTestKit, personIdentity, startAccountsTestKit, uniqueEmail } from "../testing/accounts-test-kit.ts";

let kit: AccountsTestKit;

beforeAll(async () => {
  kit = await startAccountsTestKit();
});
afterAll(async () => {
  await kit?.close();
});

const ENTITIES = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Business { id name brand { initials } }
      ... on CustomerAccount { businessId customerId mode business { name } }
    }
  }
`;

describe("business", () => {
  it("answers public branding to anyone and null for an unknown id", async () => {
    const business = await kit.business({ name: "Blue Bottle", supportEmail: "care@bluebottle.test" });
    const result = await kit.graphql({ kind: "anonymous" }, `query ($id: ID!) { business(id: $id) { id name slug supportEmail brand { primaryColor accentColor logoUrl initials } } }`, { id: business.id });
    expect(result).toEqual({
      data: {
        business: {
          id: business.id,
          name: "Blue Bottle",
          slug: business.slug,
          supportEmail: "care@bluebottle.test",
          brand: { primaryColor: "#112233", accentColor: "#445566", logoUrl: null, initials: "BB" },
        },
      },
    });
    expect(await kit.graphql({ kind: "anonymous" }, `{ business(id: "biz_nope") { id } }`)).toEqual({ data: { business: null } });
  });

  it("resolves Business references in one query whatever their number", async () => {
    const businesses = await Promise.all([1, 2, 3, 4].map((i) => kit.business({ name: `Ref ${i}` })));
    kit.statements.length = 0;
    const result = await kit.graphql<{ _entities: ({ name: string } | null)[] }>({ kind: "anonymous" }, ENTITIES, {
      representations: [...businesses.map((b) => ({ __typename: "Business", id: b.id })), { __typename: "Business", id: "biz_gone" }],
    });
    expect(result.data?._entities).toEqual([
      ...businesses.map((b) => ({ id: b.id, name: b.name, brand: { initials: "R" + b.name.slice(-1) } })),
      null,
    ]);
    expect(kit.statements).toHaveLength(1);
  });

  it("resolves a CustomerAccount reference only for a person granted that account", async () => {
    const business = await kit.business({ name: "Granted Goods" });
    const granted = personIdentity(uniqueEmail(), "test", [{ businessId: business.id, customerId: "cus_mine" }]);
    const result = await kit.graphql<{ _entities: unknown[] }>(granted, ENTITIES, {
      representations: [
        { __typename: "CustomerAccount", businessId: business.id, customerId: "cus_mine" },
        { __typename: "CustomerAccount", businessId: business.id, customerId: "cus_someone_else" },
      ],
    });
    expect(result.errors?.filter((e) => e.extensions?.code !== "FORBIDDEN")).toEqual([]);
    expect(result.data?._entities).toEqual([
      { businessId: business.id, customerId: "cus_mine", mode: "test", business: { name: "Granted Goods" } },
      null,
    ]);
    expect(result.errors).toEqual([expect.objectContaining({ path: ["_entities", 1], extensions: { code: "FORBIDDEN" } })]);
  });

  it("refuses GraphQL callers without the gateway's signature", async () => {
    const response = await kit.accounts.app.inject({ method: "POST", url: "/graphql", payload: { query: "{ viewer { email } }" } });
    expect(response.statusCode).toBe(401);
    const forged = await kit.accounts.app.inject({
      method: "POST",
      url: "/graphql",
      headers: { [IDENTITY_HEADER]: "eyJpZGVudGl0eSI6e319.forged" },
      payload: { query: "{ viewer { email } }" },
    });
    expect(forged.statusCode).toBe(401);
  });
});
