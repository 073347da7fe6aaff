import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../api-keys/api-key.service.ts";
import type { BusinessApp } from "../app.ts";
import { type BusinessTestKit, createBusinessTestKit, merchantQuery } from "../testing/business-test-kit.ts";
import { LicenseInstance } from "./license-instance.entity.ts";
import { activateLicense } from "./license-api.service.ts";
import { LicenseKey } from "./license-key.entity.ts";
import { postJson, seedLicenseKey } from "./license-testing.ts";

const A = "biz_alpha";
const B = "biz_bravo";
const test = { businessId: A, mode: "test" as const };

const ACTIVATE = `mutation ($key: String!, $name: String!) {
  activateLicense(licenseKey: $key, name: $name) { id businessId licenseKeyId name createdAt customer { customerId name email } product { productId name } }
}`;
const VALIDATE = `query ($key: String!, $instanceId: ID) { validateLicense(licenseKey: $key, instanceId: $instanceId) { valid } }`;
const DEACTIVATE = `mutation ($key: String!, $instanceId: ID!) { deactivateLicense(licenseKey: $key, instanceId: $instanceId) }`;

describe("public license API on the shard", () => {
  let kit: BusinessTestKit;
  let business: BusinessApp;
  const rest = (businessId: string, operation: string, body: object, ip = "203.0.113.7") =>
    postJson(business.app, `/business/${businessId}/licenses/${operation}`, body, { "x-forwarded-for": ip });

  beforeAll(async () => {
    kit = await createBusinessTestKit();
    business = await kit.startApp({ LICENSE_RATE_KEY_POINTS: 1000, LICENSE_RATE_IP_POINTS: 10_000 });
  });
  afterAll(() => kit?.close());

  it("activates up to the limit and answers 422 for one more, with the exact REST shape", async () => {
    const { licenseKey, customer, product } = await seedLicenseKey(kit.orm.em.fork(), test, { activationLimit: 2, email: "ada@example.com" });
    const first = await rest(A, "activate", { license_key: licenseKey.key, name: "Studio iMac" });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      id: expect.stringMatching(/^lki_/),
      business_id: A,
      license_key_id: licenseKey.id,
      name: "Studio iMac",
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      customer: { customer_id: customer.id, name: "Ada Buyer", email: "ada@example.com" },
      product: { product_id: product.id, name: "Font Pro" },
    });
    expect((await rest(A, "activate", { license_key: licenseKey.key.toLowerCase(), name: "Laptop" })).status).toBe(201);
    const third = await rest(A, "activate", { license_key: licenseKey.key, name: "One too many" });
    expect(third.status).toBe(422);
    expect(third.body.error.code).toBe("CONFLICT");
    const row = await kit.orm.em.fork().findOneOrFail(LicenseKey, { id: licenseKey.id });
    expect(row.activationsUsed).toBe(2);
  });

  it("creates exactly 5 instances from 50 concurrent activations of a key limited to 5", async () => {
    const { licenseKey } = await seedLicenseKey(kit.orm.em.fork(), test, { activationLimit: 5 });
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => activateLicense(kit.orm.em.fork(), { businessId: A }, { licenseKey: licenseKey.key, name: `machine ${i}` })),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(5);
    const failures = results.filter((result) => result.status === "rejected").map((result) => (result as PromiseRejectedResult).reason.details?.reason);
    expect(failures).toEqual(Array(45).fill("ACTIVATION_LIMIT_REACHED"));
    const em = kit.orm.em.fork();
    expect(await em.count(LicenseInstance, { licenseKeyId: licenseKey.id, deactivatedAt: null })).toBe(5);
    expect((await em.findOneOrFail(LicenseKey, { id: licenseKey.id })).activationsUsed).toBe(5);
  });

  it("also holds the limit for 50 concurrent REST activations", async () => {
    const { licenseKey } = await seedLicenseKey(kit.orm.em.fork(), test, { activationLimit: 5 });
    const statuses = await Promise.all(Array.from({ length: 50 }, (_, i) => rest(A, "activate", { license_key: licenseKey.key, name: `m${i}` }).then((r) => r.status)));
    expect(statuses.filter((status) => status === 201)).toHaveLength(5);
    expect(statuses.filter((status) => status === 422)).toHaveLength(45);
  });

  it("validates an active key and its instance; not a disabled, expired or unknown key, nor a foreign instance", async () => {
    const em = kit.orm.em.fork();
    const { licenseKey } = await seedLicenseKey(em, test);
    const { licenseKey: other } = await seedLicenseKey(em, test);
    const activated = await rest(A, "activate", { license_key: licenseKey.key, name: "Desk" });
    const otherInstance = await rest(A, "activate", { license_key: other.key, name: "Other" });
    const valid = (body: object) => rest(A, "validate", body).then((r) => [r.status, r.body]);
    expect(await valid({ license_key: licenseKey.key })).toEqual([200, { valid: true }]);
    expect(await valid({ license_key: licenseKey.key, license_key_instance_id: activated.body.id })).toEqual([200, { valid: true }]);
    expect(await valid({ license_key: licenseKey.key, license_key_instance_id: otherInstance.body.id })).toEqual([200, { valid: false }]);
    expect(await valid({ license_key: licenseKey.key, license_key_instance_id: "lki_unknown" })).toEqual([200, { valid: false }]);

    const { licenseKey: disabled } = await seedLicenseKey(em, test, { status: "disabled" });
    const { licenseKey: expired } = await seedLicenseKey(em, test, { expiresAt: new Date(Date.now() - 1000) });
    expect(await valid({ license_key: disabled.key })).toEqual([200, { valid: false }]);
    expect(await valid({ license_key: expired.key })).toEqual([200, { valid: false }]);
    expect(await valid({ license_key: "TEST-ALPHA-AAAAA-BBBBB-CCCCC-DDDDD" })).toEqual([200, { valid: false }]);
    expect(await valid({ license_key: "not a key" })).toEqual([200, { valid: false }]);
  });

  it("refuses to activate a disabled or expired key with 403, and an unknown key with 404", async () => {
    const em = kit.orm.em.fork();
    const { licenseKey: disabled } = await seedLicenseKey(em, test, { status: "disabled" });
    const { licenseKey: expired } = await seedLicenseKey(em, test, { expiresAt: new Date(Date.now() - 1000) });
    expect((await rest(A, "activate", { license_key: disabled.key, name: "x" })).status).toBe(403);
    const expiredAnswer = await rest(A, "activate", { license_key: expired.key, name: "x" });
    expect(expiredAnswer).toMatchObject({ status: 403, body: { error: { code: "FORBIDDEN", message: "This license key is expired." } } });
    expect((await rest(A, "activate", { license_key: "TEST-ALPHA-AAAAA-BBBBB-CCCCC-DDDDD", name: "x" })).status).toBe(404);
  });

  it("answers 400 for a body without a key or a name", async () => {
    expect((await rest(A, "activate", { license_key: "TEST-ALPHA-AAAAA-BBBBB-CCCCC-DDDDD" })).status).toBe(400);
    expect((await rest(A, "validate", {})).body.error.code).toBe("BAD_USER_INPUT");
    expect((await rest(A, "deactivate", { license_key: "x" })).status).toBe(400);
  });

  it("frees the seat on deactivate, once (a second deactivate is 404)", async () => {
    const { licenseKey } = await seedLicenseKey(kit.orm.em.fork(), test, { activationLimit: 1 });
    const first = await rest(A, "activate", { license_key: licenseKey.key, name: "Old laptop" });
    expect((await rest(A, "activate", { license_key: licenseKey.key, name: "New laptop" })).status).toBe(422);
    const body = { license_key: licenseKey.key, license_key_instance_id: first.body.id };
    expect(await rest(A, "deactivate", body)).toMatchObject({ status: 200, body: { deactivated: true } });
    expect((await rest(A, "validate", body)).body).toEqual({ valid: false });
    expect((await rest(A, "deactivate", body)).status).toBe(404);
    expect((await rest(A, "activate", { license_key: licenseKey.key, name: "New laptop" })).status).toBe(201);
  });

  it("does not know business A's key at business B's endpoint (REST and GraphQL)", async () => {
    await seedLicenseKey(kit.orm.em.fork(), { businessId: B, mode: "test" });
    const { licenseKey } = await seedLicenseKey(kit.orm.em.fork(), test);
    expect((await rest(B, "activate", { license_key: licenseKey.key, name: "x" })).status).toBe(404);
    expect((await rest(B, "validate", { license_key: licenseKey.key })).body).toEqual({ valid: false });
    const graphql = await merchantQuery(business.app, B, null, ACTIVATE, { key: licenseKey.key, name: "x" });
    expect(graphql.body.errors?.[0].extensions.code).toBe("NOT_FOUND");
    const at = await merchantQuery(business.app, A, null, ACTIVATE, { key: licenseKey.key, name: "x" });
    expect(at.body.data.activateLicense).toMatchObject({ businessId: A, licenseKeyId: licenseKey.id, name: "x" });
  });

  it("does not know a test-mode key in live mode", async () => {
    const { licenseKey } = await seedLicenseKey(kit.orm.em.fork(), test);
    const liveApiKey = (await createApiKey(kit.orm.em.fork(), { businessId: A, mode: "live", name: "prod" })).key;
    const live = await merchantQuery(business.app, A, liveApiKey, ACTIVATE, { key: licenseKey.key, name: "x" });
    expect(live.body.errors?.[0].extensions.code).toBe("NOT_FOUND");
    const liveValidate = await merchantQuery(business.app, A, liveApiKey, VALIDATE, { key: licenseKey.key });
    expect(liveValidate.body.data.validateLicense).toEqual({ valid: false });
    // The same secret without the TEST- word names a live key: no such key exists.
    const liveShaped = licenseKey.key.replace(/^TEST-/, "");
    expect((await rest(A, "activate", { license_key: liveShaped, name: "x" })).status).toBe(404);
    expect((await rest(A, "validate", { license_key: licenseKey.key })).body).toEqual({ valid: true });
  });

  it("serves activate, validate and deactivate on GraphQL without a key, and nothing else", async () => {
    const { licenseKey } = await seedLicenseKey(kit.orm.em.fork(), test, { activationLimit: 1 });
    const activated = await merchantQuery(business.app, A, null, ACTIVATE, { key: licenseKey.key, name: "Build server" });
    const instanceId = activated.body.data.activateLicense.id;
    expect((await merchantQuery(business.app, A, null, VALIDATE, { key: licenseKey.key, instanceId })).body.data.validateLicense).toEqual({ valid: true });
    const full = await merchantQuery(business.app, A, null, ACTIVATE, { key: licenseKey.key, name: "again" });
    expect(full.body.errors?.[0].extensions).toMatchObject({ code: "CONFLICT", reason: "ACTIVATION_LIMIT_REACHED", activationLimit: 1 });
    expect((await merchantQuery(business.app, A, null, DEACTIVATE, { key: licenseKey.key, instanceId })).body.data.deactivateLicense).toBe(true);

    const mixed = `mutation ($key: String!) { deactivateLicense(licenseKey: $key, instanceId: "x") disableLicenseKey(id: "lk_1") { id } }`;
    expect((await merchantQuery(business.app, A, null, mixed, { key: licenseKey.key })).status).toBe(401);
    expect((await merchantQuery(business.app, A, null, `{ licenseKeys { totalCount } }`)).status).toBe(401);
  });
});

describe("public license API rate limits", () => {
  let kit: BusinessTestKit;
  let business: BusinessApp;

  beforeAll(async () => {
    kit = await createBusinessTestKit();
    business = await kit.startApp({ LICENSE_RATE_KEY_POINTS: 3, LICENSE_RATE_IP_POINTS: 5, LICENSE_RATE_WINDOW_SECONDS: 60 });
  });
  afterAll(() => kit?.close());

  it("answers 429 past the limit of one key, and past the limit of one IP across keys", async () => {
    const em = kit.orm.em.fork();
    const { licenseKey } = await seedLicenseKey(em, test);
    const validate = (key: string, ip: string) =>
      postJson(business.app, `/business/${A}/licenses/validate`, { license_key: key }, { "x-forwarded-for": ip });
    for (let i = 0; i < 3; i++) expect((await validate(licenseKey.key, `198.51.100.${i}`)).status).toBe(200);
    const limited = await validate(licenseKey.key, "198.51.100.9");
    expect(limited.status).toBe(429);
    expect(limited.headers["retry-after"]).toMatch(/^\d+$/);

    const keys = await Promise.all([1, 2, 3].map(() => seedLicenseKey(kit.orm.em.fork(), test).then((seeded) => seeded.licenseKey.key)));
    const statuses = [];
    for (const key of [...keys, ...keys]) statuses.push((await validate(key, "192.0.2.1")).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });
});
