import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PERSON } from "../../scripts/src/seed/demo-catalog.ts";
import { postGraphQL, sessionCookie } from "../support/graphql-client.ts";
import { startSystem, type BillfoldSystem } from "../support/system.ts";

const post = async (url: string, body: unknown, headers: Record<string, string> = { "content-type": "application/json" }) => {
  const response = await fetch(url, { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) });
  return { status: response.status, contentType: response.headers.get("content-type"), body: (await response.json()) as any };
};

const ACCOUNTS_KEYS = /* GraphQL */ `
  query { viewer { accounts { businessId licenseKeys { id key maskedKey activationLimit activationsUsed instances { id name } } } } }
`;

describe("license keys through the gateway", () => {
  let system: BillfoldSystem;
  let api: (operation: string, body: unknown) => ReturnType<typeof post>;

  beforeAll(async () => {
    system = await startSystem();
    api = (operation, body) => post(`${system.gatewayUrl}/licenses/${operation}`, body);
  });
  afterAll(() => system?.close());

  it("activates a demo key at the public root with the exact JSON shape, up to its limit, then 422", async () => {
    const demo = system.demo.licenseKeys.find((key) => key.activationLimit === 3)!;
    expect(demo.key).toMatch(/^TEST-[0-9A-Z]+(-[0-9A-Z]{5}){4}$/);
    const first = await api("activate", { license_key: demo.key, name: "CI runner" });
    expect(first.status).toBe(201);
    expect(first.contentType).toMatch(/^application\/json/);
    expect(Object.keys(first.body).sort()).toEqual(["business_id", "created_at", "customer", "id", "license_key_id", "name", "product"]);
    expect(first.body).toMatchObject({
      id: expect.stringMatching(/^lki_/),
      business_id: demo.businessId,
      license_key_id: expect.stringMatching(/^lk_/),
      name: "CI runner",
      created_at: expect.stringMatching(/Z$/),
      customer: { customer_id: expect.stringMatching(/^cus_/), name: expect.any(String), email: expect.stringContaining("@") },
      product: { product_id: expect.stringMatching(/^prod_/), name: expect.any(String) },
    });
    expect(Object.keys(first.body.customer).sort()).toEqual(["customer_id", "email", "name"]);
    expect(Object.keys(first.body.product).sort()).toEqual(["name", "product_id"]);
    let status = 201;
    for (let i = 0; i < 5 && status === 201; i++) status = (await api("activate", { license_key: demo.key, name: `box ${i}` })).status;
    expect(status).toBe(422);
  });

  it("validates and deactivates, freeing the seat", async () => {
    const demo = system.demo.licenseKeys.find((key) => key.activationLimit === 5)!;
    const activated = await api("activate", { license_key: demo.key, name: "Render node" });
    const instance = { license_key: demo.key, license_key_instance_id: activated.body.id };
    expect(await api("validate", { license_key: demo.key })).toMatchObject({ status: 200, body: { valid: true } });
    expect(await api("validate", instance)).toMatchObject({ status: 200, body: { valid: true } });
    expect(await api("deactivate", instance)).toMatchObject({ status: 200, body: { deactivated: true } });
    expect((await api("validate", instance)).body).toEqual({ valid: false });
    expect((await api("deactivate", instance)).status).toBe(404);
  });

  it("answers unknown keys, keys of unknown businesses and bad bodies like the shard would", async () => {
    expect((await api("activate", { license_key: "TEST-NOSUCHBIZ-AAAAA-BBBBB-CCCCC-DDDDD", name: "x" })).status).toBe(404);
    expect((await api("validate", { license_key: "TEST-NOSUCHBIZ-AAAAA-BBBBB-CCCCC-DDDDD" })).body).toEqual({ valid: false });
    expect((await api("validate", { license_key: "TEST-KESTREL-AAAAA-BBBBB-CCCCC-DDDDD" })).body).toEqual({ valid: false });
    expect((await api("activate", { license_key: "TEST-KESTREL-AAAAA-BBBBB-CCCCC-DDDDD", name: "x" })).status).toBe(404);
    expect((await api("activate", { name: "no key" })).status).toBe(400);
    expect((await api("activate", "{not json")).status).toBe(400);
    const demo = system.demo.licenseKeys[0];
    expect((await api("activate", { license_key: demo.key })).status).toBe(400);
  });

  it("does not know a business's key at another business's endpoint, nor a test key as live", async () => {
    const demo = system.demo.licenseKeys[0];
    const other = system.demo.businesses.find((business) => business.id !== demo.businessId)!;
    const query = `mutation ($key: String!) { activateLicense(licenseKey: $key, name: "x") { id } }`;
    const elsewhere = await postGraphQL(`${system.gatewayUrl}/business/${other.id}/graphql`, query, { variables: { key: demo.key } });
    expect(elsewhere.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    expect((await api("validate", { license_key: demo.key.replace(/^TEST-/, "") })).body).toEqual({ valid: false });
  });

  it("lets the demo person see a key's instances and deactivate one, and the count drops", async () => {
    const cookie = await sessionCookie(system, DEMO_PERSON);
    const before = await postGraphQL(`${system.gatewayUrl}/graphql`, ACCOUNTS_KEYS, { headers: { cookie } });
    expect(before.errors).toBeUndefined();
    const account = (before.data!.viewer.accounts as any[]).find((a) => a.licenseKeys?.some((k: any) => k.instances.length > 0))!;
    const key = account.licenseKeys.find((k: any) => k.instances.length > 0);
    expect(key.key).toMatch(new RegExp(`${key.maskedKey.slice(-4)}$`));
    const after = await postGraphQL(
      `${system.gatewayUrl}/graphql`,
      `mutation ($id: ID!) { deactivateLicenseInstance(instanceId: $id) { id activationsUsed instances { id } } }`,
      { variables: { id: key.instances[0].id }, headers: { cookie, "x-billfold-business": account.businessId } },
    );
    expect(after.errors).toBeUndefined();
    expect(after.data!.deactivateLicenseInstance).toMatchObject({ id: key.id, activationsUsed: key.activationsUsed - 1 });
    expect(after.data!.deactivateLicenseInstance.instances).toHaveLength(key.instances.length - 1);
  });
});
