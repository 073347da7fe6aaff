import { createGateway } from "./app.ts";
import { loadGatewayConfig } from "./config.ts";

const config = loadGatewayConfig();
const gateway = await createGateway({ config, logger: { level: config.NODE_ENV === "production" ? "info" : "warn" } });
await gateway.app.listen({ port: config.PORT, host: config.HOST });
console.log(`gateway listening on http://${config.HOST}:${config.PORT}`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`gateway: ${signal}, draining`);
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  try {
    await gateway.close();
    process.exit(0);
  } catch (error) {
    console.error("gateway: shutdown failed", error);
    process.exit(1);
  }
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
