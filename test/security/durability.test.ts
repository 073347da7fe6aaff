import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IDENTITY_SECRET, type BillfoldSystem, type ShardId, startSystem } from "../support/system.ts";
import { RELAXED_RATE_LIMITS } from "./security-kit.ts";

/**
 * Durability: the shard serving Kestrel runs as a real child process. It is SIGKILLed while a
 * reactivation has charged the card but not committed (a test-only pause), then restarted; the
 * same request retried with the same idempotency key must leave one payment, one charge and one
 * of each email.
 */

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const KESTREL = "biz_kestrel";
const PAUSE_MS = 60_000;

const REQUEST_LINK = "mutation ($input: RequestLoginLinkInput!) { requestLoginLink(input: $input) { message } }";
const EXCHANGE = "mutation ($token: String!) { exchangeLoginToken(token: $token) { redirectTo } }";
const SUBSCRIPTIONS = "{ viewer { accounts { businessId subscriptions { id status product { name } } } } }";
const REACTIVATE = `mutation ($input: UpdateSubscriptionPaymentMethodInput!) {
  updateSubscriptionPaymentMethod(input: $input) { subscription { id status } payment { id status amount } invoice { id status } }
}`;

let system: BillfoldSystem;
let shardId: ShardId;
let shard: { process: ChildProcess; output: string[] } | null = null;
let cookie = "";

async function gql(query: string, variables: Record<string, unknown> = {}): Promise<{ data?: any; errors?: any[] }> {
  const response = await fetch(`${system.gatewayUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", "apollo-require-preflight": "true", "x-billfold-business": KESTREL, cookie },
    body: JSON.stringify({ query, variables }),
  });
  const setCookie = response.headers.get("set-cookie");
  if (setCookie?.startsWith("bf_session=")) cookie = setCookie.split(";", 1)[0];
  return (await response.json()) as { data?: any; errors?: any[] };
}

async function rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await system.businessOrm.em.fork().getConnection().execute(sql, params)) as T[];
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** `node --import tsx subgraphs/business/src/main.ts` on the port the gateway routes `shardId` to. */
async function startShardProcess(extraEnv: Record<string, string> = {}) {
  const url = system.shardUrl(shardId);
  const child = spawn(process.execPath, ["--import", "tsx", "subgraphs/business/src/main.ts"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "test",
      DATABASE_URL: system.db.url,
      IDENTITY_SECRET,
      PUBLIC_URL: system.publicUrl,
      ACCOUNTS_URL: system.accountsUrl,
      SHARD_ID: shardId,
      PORT: new URL(url).port,
      DATABASE_POOL_MAX: "3",
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout!.on("data", (chunk) => output.push(String(chunk)));
  child.stderr!.on("data", (chunk) => output.push(String(chunk)));
  shard = { process: child, output };
  await until("the shard process to listen", async () => {
    if (child.exitCode !== null) throw new Error(`shard exited: ${output.join("")}`);
    return (await fetch(`${url}/health`).catch(() => null))?.ok;
  }, 60_000);
  return shard;
}

async function killShard(signal: NodeJS.Signals = "SIGKILL") {
  const current = shard!;
  const exited = new Promise((resolve) => current.process.once("exit", resolve));
  current.process.kill(signal);
  await exited;
  shard = null;
}

beforeAll(async () => {
  system = await startSystem({ env: RELAXED_RATE_LIMITS });
  shardId = system.demo.businesses.find((b) => b.id === KESTREL)!.shard as ShardId;
  // The in-process shard steps aside; a child process takes its port.
  await system.stopShard(shardId);

  const since = Date.now();
  await gql(REQUEST_LINK, { input: { email: system.demo.person, businessId: KESTREL, mode: "test" } });
  const token = await until("the sign-in email", async () => {
    const mail = (await (await fetch(`${system.publicUrl}/dev/mailbox?to=${encodeURIComponent(system.demo.person)}&format=json`)).json()) as { text: string; createdAt: string }[];
    const fresh = mail.find((m) => Date.parse(m.createdAt) >= since - 1000);
    return fresh ? /\/auth\/([A-Za-z0-9_-]+)/.exec(fresh.text)?.[1] : null;
  });
  expect((await gql(EXCHANGE, { token })).errors).toBeUndefined();
}, 180_000);

afterAll(async () => {
  if (shard) await killShard();
  await system?.close();
}, 180_000);

describe("durability: a shard killed between the charge and the commit of a reactivation", () => {
  it("loses no payment, charges once and emails once after a restart and a retry with the same key", async () => {
    await startShardProcess({ BILLFOLD_TEST_PAUSE_AFTER_CHARGE_MS: String(PAUSE_MS) });
    const accounts = (await gql(SUBSCRIPTIONS)).data.viewer.accounts;
    const library = accounts
      .find((a: { businessId: string }) => a.businessId === KESTREL)
      .subscriptions.find((s: { status: string; product: { name: string } }) => s.product.name === "Kestrel Library" && s.status === "on_hold");
    expect(library, "the demo's on-hold Kestrel Library").toBeTruthy();
    const seeded = new Set((await rows<{ id: string }>("select id from business.payment where subscription_id = ?", [library.id])).map((p) => p.id));
    const newPayments = async () =>
      (await rows<{ id: string; status: string; idempotency_key: string | null }>(
        "select id, status, idempotency_key from business.payment where subscription_id = ? order by created_at",
        [library.id],
      )).filter((p) => !seeded.has(p.id));
    const [openInvoice] = await rows<{ id: string }>("select id from business.invoice where subscription_id = ? and status = 'open'", [library.id]);
    expect(openInvoice).toBeTruthy();

    const card = await fetch(`${system.gatewayUrl}/processor/tokens`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ number: "4242424242424242", exp_month: 12, exp_year: 2034, cvc: "123" }),
    });
    expect(card.status).toBe(201);
    const { token } = (await card.json()) as { token: string };
    const input = { subscriptionId: library.id, token, idempotencyKey: `durability-${library.id}` };

    // 1. Charged, not committed: kill -9.
    let answered: unknown = null;
    const firstAttempt = gql(REACTIVATE, { input }).then((answer) => (answered = answer));
    await until("the shard to pause after the charge", async () => {
      if (answered) throw new Error(`answered before the pause: ${JSON.stringify(answered)}\n${shard!.output.join("")}`);
      return shard!.output.join("").includes("paused after charge");
    }, 30_000);
    await killShard("SIGKILL");
    const first = (await firstAttempt) as { errors?: unknown[] };
    expect(first.errors?.length).toBeGreaterThan(0);
    expect(await newPayments()).toEqual([]);
    expect(await rows("select status from business.subscription where id = ?", [library.id])).toEqual([{ status: "on_hold" }]);

    // 2. Restarted (no pause), the client retries with the same key.
    await startShardProcess();
    const retried = await gql(REACTIVATE, { input });
    expect(retried.errors).toBeUndefined();
    expect(retried.data.updateSubscriptionPaymentMethod).toMatchObject({ subscription: { status: "active" }, payment: { status: "succeeded" }, invoice: { id: openInvoice.id, status: "paid" } });
    // 3. A second retry is a replay, not a charge.
    const replayed = await gql(REACTIVATE, { input });
    expect(replayed.data.updateSubscriptionPaymentMethod).toEqual(retried.data.updateSubscriptionPaymentMethod);

    expect(await newPayments()).toEqual([{ id: retried.data.updateSubscriptionPaymentMethod.payment.id, status: "succeeded", idempotency_key: `invoice:${openInvoice.id}` }]);

    // The outbox: each email once, delivered, and still once a few job polls later.
    const mails = (subject: string) =>
      system.accountsOrm.em
        .fork()
        .getConnection()
        .execute("select id, sent_at from accounts.email_message where to_address = ? and subject = ?", [system.demo.person, subject]) as Promise<{ id: string; sent_at: Date | null }[]>;
    for (const subject of ["Payment received — Kestrel Type Foundry", "Subscription reactivated — Kestrel Type Foundry"]) {
      await until(`"${subject}" delivered`, async () => (await mails(subject)).some((m) => m.sent_at));
    }
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    expect(await mails("Payment received — Kestrel Type Foundry")).toHaveLength(1);
    expect(await mails("Subscription reactivated — Kestrel Type Foundry")).toHaveLength(1);
  }, 180_000);
});
