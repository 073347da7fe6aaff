import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Mode } from "@billfold/shared";
import { directoryAccounts, upsertDirectoryEntries } from "../directory/directory.service.ts";
import { type AccountsTestKit, personIdentity, startAccountsTestKit, uniqueEmail } from "../testing/accounts-test-kit.ts";
import { Person } from "./person.entity.ts";

let kit: AccountsTestKit;

beforeAll(async () => {
  kit = await startAccountsTestKit();
});
afterAll(async () => {
  await kit?.close();
});

/** The identity a session of this email and mode resolves to: it carries the directory's accounts. */
const sessionIdentity = async (email: string, mode: Mode = "live") => personIdentity(email, mode, await directoryAccounts(kit.em(), email, mode));

const VIEWER = /* GraphQL */ `
  query {
    viewer {
      email name phone mode
      accounts { businessId customerId mode business { id name slug supportEmail brand { primaryColor accentColor logoUrl initials } } }
    }
  }
`;
const UPDATE = /* GraphQL */ `
  mutation ($input: UpdateProfileInput!) { updateProfile(input: $input) { email name phone mode } }
`;

interface ViewerData {
  viewer: { email: string; name: string | null; phone: string | null; mode: string; accounts: { businessId: string; customerId: string; mode: string; business: { name: string; brand: { initials: string } } }[] } | null;
}

describe("viewer", () => {
  it("is null for an anonymous caller", async () => {
    const result = await kit.graphql<ViewerData>({ kind: "anonymous" }, VIEWER);
    expect(result).toEqual({ data: { viewer: null } });
  });

  it("lists the accounts of the session's identity: the directory's for its email and mode", async () => {
    const email = uniqueEmail();
    const acme = await kit.business({ name: "Acme Rockets", brand: { primaryColor: "#101010", accentColor: "#202020", logoUrl: "https://acme.test/logo.png" } });
    const globex = await kit.business({ name: "globex" });
    await upsertDirectoryEntries(kit.em(), [
      { email, businessId: acme.id, customerId: "cus_live_acme", mode: "live" },
      { email, businessId: globex.id, customerId: "cus_live_globex", mode: "live" },
      { email, businessId: acme.id, customerId: "cus_test_acme", mode: "test" },
      { email: uniqueEmail("stranger"), businessId: acme.id, customerId: "cus_stranger", mode: "live" },
    ]);

    const live = await kit.graphql<ViewerData>(await sessionIdentity(email, "live"), VIEWER);
    expect(live.errors).toBeUndefined();
    expect(live.data?.viewer?.mode).toBe("live");
    expect(live.data?.viewer?.accounts.map((a) => a.customerId).sort()).toEqual(["cus_live_acme", "cus_live_globex"]);
    expect(live.data?.viewer?.accounts.find((a) => a.customerId === "cus_live_acme")).toMatchObject({
      businessId: acme.id,
      mode: "live",
      business: { id: acme.id, name: "Acme Rockets", brand: { initials: "AR", logoUrl: "https://acme.test/logo.png" } },
    });

    const test = await kit.graphql<ViewerData>(await sessionIdentity(email, "test"), VIEWER);
    expect(test.data?.viewer?.accounts.map((a) => a.customerId)).toEqual(["cus_test_acme"]);
  });

  it("costs the same number of SQL statements for 1 account as for 10", async () => {
    const one = uniqueEmail("one");
    const ten = uniqueEmail("ten");
    const businesses = await Promise.all(Array.from({ length: 10 }, (_, i) => kit.business({ name: `Batch ${i}` })));
    await upsertDirectoryEntries(kit.em(), [
      { email: one, businessId: businesses[0].id, customerId: "cus_1", mode: "live" },
      ...businesses.map((b, i) => ({ email: ten, businessId: b.id, customerId: `cus_${i}`, mode: "live" as const })),
    ]);

    kit.statements.length = 0;
    const oneIdentity = await sessionIdentity(one);
    const tenIdentity = await sessionIdentity(ten);
    kit.statements.length = 0;
    const oneResult = await kit.graphql<ViewerData>(oneIdentity, VIEWER);
    const forOne = kit.statements.length;
    kit.statements.length = 0;
    const tenResult = await kit.graphql<ViewerData>(tenIdentity, VIEWER);
    const forTen = kit.statements.length;

    expect(oneResult.data?.viewer?.accounts).toHaveLength(1);
    expect(tenResult.data?.viewer?.accounts).toHaveLength(10);
    expect(new Set(tenResult.data?.viewer?.accounts.map((a) => a.business.name)).size).toBe(10);
    expect(forTen).toBe(forOne);
    expect(forOne).toBeLessThanOrEqual(2); // the person's profile and the businesses
  });
});

describe("updateProfile", () => {
  it("creates the person on first update and trims the name", async () => {
    const email = uniqueEmail();
    const result = await kit.graphql(personIdentity(email, "test"), UPDATE, { input: { name: "  Ana  Pérez ", phone: "+44 20 7946 0958" } });
    expect(result).toEqual({ data: { updateProfile: { email, name: "Ana Pérez", phone: "+442079460958", mode: "test" } } });
    expect(await kit.em().findOneOrFail(Person, { email })).toMatchObject({ name: "Ana Pérez", phone: "+442079460958" });

    const viewer = await kit.graphql<ViewerData>(personIdentity(email, "live"), VIEWER);
    expect(viewer.data?.viewer).toMatchObject({ name: "Ana Pérez", phone: "+442079460958" });
  });

  it("leaves omitted fields alone and clears fields set to null", async () => {
    const email = uniqueEmail();
    await kit.graphql(personIdentity(email), UPDATE, { input: { name: "Bo", phone: "+14155550123" } });
    expect(await kit.graphql(personIdentity(email), UPDATE, { input: { phone: null } })).toEqual({
      data: { updateProfile: { email, name: "Bo", phone: null, mode: "live" } },
    });
  });

  it.each([
    ["a phone without country code", { phone: "020 7946 0958" }, "phone", /international format/],
    ["an empty name", { name: "   " }, "name", /empty/],
    ["a name over 100 characters", { name: "n".repeat(101) }, "name", /100/],
  ])("refuses %s with BAD_USER_INPUT and changes nothing", async (_label, input, field, message) => {
    const email = uniqueEmail();
    await kit.graphql(personIdentity(email), UPDATE, { input: { name: "Kept", phone: "+14155550123" } });
    const result = await kit.graphql(personIdentity(email), UPDATE, { input });
    expect(result.data).toBeNull();
    expect(result.errors?.[0]).toMatchObject({ message: expect.stringMatching(message), extensions: { code: "BAD_USER_INPUT", field } });
    expect(await kit.em().findOneOrFail(Person, { email })).toMatchObject({ name: "Kept", phone: "+14155550123" });
  });

  it("refuses an anonymous caller", async () => {
    const result = await kit.graphql({ kind: "anonymous" }, UPDATE, { input: { name: "Eve" } });
    expect(result.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });
});
