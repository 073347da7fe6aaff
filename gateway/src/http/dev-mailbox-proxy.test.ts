import { afterEach, describe, expect, it } from "vitest";
import { type FakeSystem, startFakeSystem } from "../testing/fake-system.ts";

let system: FakeSystem;
afterEach(async () => {
  await system?.close();
});

describe("dev mailbox at the gateway", () => {
  it("relays accounts' mailbox with its query outside production", async () => {
    system = await startFakeSystem();
    const response = await fetch(`${system.url}/dev/mailbox?to=a%40b.test`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([expect.objectContaining({ to: "a@b.test", subject: "Hello" })]);
  });

  it("does not exist in production, as JSON or as a page", async () => {
    system = await startFakeSystem({ env: { NODE_ENV: "production" } });
    const json = await fetch(`${system.url}/dev/mailbox?to=a@b.test`);
    const page = await fetch(`${system.url}/dev/mailbox`, { headers: { accept: "text/html" } });
    expect(json.status).toBe(404);
    expect(page.status).toBe(404);
  });
});
