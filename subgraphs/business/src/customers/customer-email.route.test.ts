import { IDENTITY_HEADER, type Identity, signIdentity } from "@billfold/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BusinessApp } from "../app.ts";
import { TEST_SECRET, type BusinessTestKit, createBusinessTestKit } from "../testing/business-test-kit.ts";
import { Customer } from "./customer.entity.ts";

let kit: BusinessTestKit;
let shard: BusinessApp;
const scope = { businessId: "biz_route", mode: "live" as const };

beforeAll(async () => {
  kit = await createBusinessTestKit();
  shard = await kit.startApp();
});
afterAll(async () => {
  await kit?.close();
});

async function customer(email: string): Promise<Customer> {
  const em = kit.orm.em.fork();
  const row = em.create(Customer, { ...scope, email });
  await em.flush();
  return row;
}

const send = (identity: Identity | null, payload: object) =>
  shard.app.inject({
    method: "POST",
    url: "/internal/customers/email",
    headers: identity ? { [IDENTITY_HEADER]: signIdentity(identity, TEST_SECRET) } : {},
    payload,
  });
const accounts: Identity = { kind: "service", service: "accounts" };
const emailOf = async (id: string) => (await kit.orm.em.fork().findOneOrFail(Customer, { id })).email;

describe("POST /internal/customers/email", () => {
  it("gives the customer the new email when accounts asks, and answers the same on a retry", async () => {
    const row = await customer("before@route.test");
    const body = { ...scope, customerId: row.id, email: "After@Route.test", previousEmail: "before@route.test" };
    const first = await send(accounts, body);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ customerId: row.id, email: "after@route.test" });
    expect((await send(accounts, body)).statusCode).toBe(200);
    expect(await emailOf(row.id)).toBe("after@route.test");
  });

  it("refuses callers other than the accounts service and changes nothing", async () => {
    const row = await customer("kept@route.test");
    const body = { ...scope, customerId: row.id, email: "thief@route.test" };
    expect((await send(null, body)).statusCode).toBe(401);
    expect((await send({ kind: "service", service: "shard2" }, body)).statusCode).toBe(401);
    expect((await send({ kind: "person", email: "kept@route.test", sessionId: "ses_x", mode: "live", accounts: [] }, body)).statusCode).toBe(401);
    expect(await emailOf(row.id)).toBe("kept@route.test");
  });

  it("answers 404 for a customer of another business or mode, 409 for an address another customer has, 400 for a bad address", async () => {
    const row = await customer("mine@route.test");
    await customer("taken@route.test");
    expect((await send(accounts, { ...scope, businessId: "biz_other", customerId: row.id, email: "x@route.test" })).statusCode).toBe(404);
    expect((await send(accounts, { ...scope, mode: "test", customerId: row.id, email: "x@route.test" })).statusCode).toBe(404);
    expect((await send(accounts, { ...scope, customerId: row.id, email: "taken@route.test" })).statusCode).toBe(409);
    expect((await send(accounts, { ...scope, customerId: row.id, email: "not an email" })).statusCode).toBe(400);
    expect(await emailOf(row.id)).toBe("mine@route.test");
  });
});
