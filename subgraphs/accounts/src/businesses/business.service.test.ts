import { AppError } from "@billfold/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AccountsTestKit, startAccountsTestKit } from "../testing/accounts-test-kit.ts";
import { Business } from "./business.entity.ts";
import { listBusinesses, registerBusiness } from "./business.service.ts";

let kit: AccountsTestKit;

beforeAll(async () => {
  kit = await startAccountsTestKit();
});
afterAll(async () => {
  await kit?.close();
});

const input = {
  name: "Northwind Coffee",
  slug: "northwind",
  supportEmail: "Help@Northwind.test",
  brand: { primaryColor: "#0a0b0c", accentColor: "#ffeedd", logoUrl: "https://cdn.northwind.test/logo.svg" },
  shard: "shard1",
};

describe("registerBusiness", () => {
  it("registers once per slug and updates in place, keeping the first id", async () => {
    const first = await registerBusiness(kit.em(), { ...input, id: "biz_northwind01" });
    const again = await registerBusiness(kit.em(), { ...input, id: "biz_other01", name: "Northwind Roasters", shard: "shard2" });

    expect(first.id).toBe("biz_northwind01");
    expect(again.id).toBe("biz_northwind01");
    const rows = await kit.em().find(Business, { slug: "northwind" });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: "biz_northwind01", name: "Northwind Roasters", shard: "shard2", supportEmail: "help@northwind.test" });
  });

  it("makes a biz_ id when none is given", async () => {
    const business = await registerBusiness(kit.em(), { ...input, slug: "fresh-slug" });
    expect(business.id).toMatch(/^biz_[0-9a-z]+$/);
    expect((await listBusinesses(kit.em())).map((b) => b.id)).toContain(business.id);
  });

  it("refuses a bad colour with the field named", async () => {
    const error = await registerBusiness(kit.em(), { ...input, slug: "bad-colour", brand: { primaryColor: "red", accentColor: "#000000" } }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.message).toContain("brand.primaryColor");
  });
});
