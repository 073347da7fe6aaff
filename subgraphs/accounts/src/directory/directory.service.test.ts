import { AppError } from "@billfold/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AccountsTestKit, startAccountsTestKit, uniqueEmail } from "../testing/accounts-test-kit.ts";
import { DirectoryEntry } from "./directory-entry.entity.ts";
import { directoryAccounts, upsertDirectoryEntries } from "./directory.service.ts";

let kit: AccountsTestKit;

beforeAll(async () => {
  kit = await startAccountsTestKit();
});
afterAll(async () => {
  await kit?.close();
});

describe("directory", () => {
  it("is idempotent: the same entries twice leave one row each", async () => {
    const business = await kit.business();
    const email = uniqueEmail();
    const entries = [
      { email, businessId: business.id, customerId: "cus_1", mode: "live" as const },
      { email, businessId: business.id, customerId: "cus_2", mode: "test" as const },
    ];
    await upsertDirectoryEntries(kit.em(), entries);
    await upsertDirectoryEntries(kit.em(), entries);
    expect(await kit.em().count(DirectoryEntry, { businessId: business.id })).toBe(2);
  });

  it("stores emails lower-case so lookups ignore case", async () => {
    const business = await kit.business();
    const email = uniqueEmail();
    await upsertDirectoryEntries(kit.em(), [{ email: email.toUpperCase(), businessId: business.id, customerId: "cus_1", mode: "live" }]);
    expect(await directoryAccounts(kit.em(), ` ${email.toUpperCase()}`, "live")).toEqual([
      { businessId: business.id, customerId: "cus_1", mode: "live" },
    ]);
  });

  it("moves the entry to the new email when previousEmail is given", async () => {
    const business = await kit.business();
    const before = uniqueEmail("before");
    const after = uniqueEmail("after");
    await upsertDirectoryEntries(kit.em(), [{ email: before, businessId: business.id, customerId: "cus_1", mode: "live" }]);
    await upsertDirectoryEntries(kit.em(), [{ email: after, previousEmail: before, businessId: business.id, customerId: "cus_1", mode: "live" }]);

    expect(await directoryAccounts(kit.em(), before, "live")).toEqual([]);
    expect(await directoryAccounts(kit.em(), after, "live")).toEqual([{ businessId: business.id, customerId: "cus_1", mode: "live" }]);
    expect(await kit.em().count(DirectoryEntry, { businessId: business.id })).toBe(1);
  });

  it("keeps test and live entries of the same customer id apart", async () => {
    const business = await kit.business();
    const live = uniqueEmail("live");
    const test = uniqueEmail("test");
    await upsertDirectoryEntries(kit.em(), [
      { email: live, businessId: business.id, customerId: "cus_1", mode: "live" },
      { email: test, businessId: business.id, customerId: "cus_1", mode: "test" },
    ]);
    expect(await directoryAccounts(kit.em(), live, "test")).toEqual([]);
    expect(await directoryAccounts(kit.em(), test, "test")).toHaveLength(1);
  });

  it("takes the last of duplicate entries in one batch", async () => {
    const business = await kit.business();
    const first = uniqueEmail();
    const last = uniqueEmail();
    const result = await upsertDirectoryEntries(kit.em(), [
      { email: first, businessId: business.id, customerId: "cus_1", mode: "live" },
      { email: last, businessId: business.id, customerId: "cus_1", mode: "live" },
    ]);
    expect(result).toEqual({ count: 1 });
    expect(await directoryAccounts(kit.em(), last, "live")).toHaveLength(1);
  });

  it("refuses entries for a business it does not know", async () => {
    const error = await upsertDirectoryEntries(kit.em(), [{ email: uniqueEmail(), businessId: "biz_unknown", customerId: "cus_1", mode: "live" }]).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("BAD_USER_INPUT");
    expect(error.message).toContain("biz_unknown");
  });
});
