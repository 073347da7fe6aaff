import Fastify, { type FastifyInstance } from "fastify";

export interface ReceivedWebhook {
  headers: Record<string, string>;
  body: string;
  path: string;
}

export interface WebhookTestReceiver {
  url(path?: string): string;
  received: ReceivedWebhook[];
  /** Answer for `path`: status and body (default 200 "ok"), optionally after a delay. */
  respond(path: string, answer: (count: number) => { status: number; body?: string; delayMs?: number }): void;
  close(): Promise<void>;
}

/** A real HTTP receiver on 127.0.0.1:0 that keeps raw bodies (signatures cover the exact bytes). */
export async function startWebhookTestReceiver(): Promise<WebhookTestReceiver> {
  const app: FastifyInstance = Fastify();
  const received: ReceivedWebhook[] = [];
  const answers = new Map<string, (count: number) => { status: number; body?: string; delayMs?: number }>();
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_request, body, done) => done(null, body));
  app.post("/*", async (request, reply) => {
    const path = request.url;
    received.push({ headers: request.headers as Record<string, string>, body: request.body as string, path });
    const count = received.filter((entry) => entry.path === path).length;
    const answer = answers.get(path)?.(count) ?? { status: 200, body: "ok" };
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    return reply.code(answer.status).send(answer.body ?? "");
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: (path = "/hooks") => `http://127.0.0.1:${port}${path}`,
    received,
    respond: (path, answer) => void answers.set(path, answer),
    close: () => app.close(),
  };
}
