import { createServer } from "node:net";

// Below Linux's ephemeral range (32768–60999 by default): the kernel never hands these to
// outgoing connections, which took a port "found free" before its server listened (EADDRINUSE).
const LOW = 20_000;
const HIGH = 32_767;

const isFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });

/** A free loopback port known before its server starts (URLs that name it are built up front). */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = LOW + Math.floor(Math.random() * (HIGH - LOW));
    if (await isFree(port)) return port;
  }
  throw new Error(`no free loopback port between ${LOW} and ${HIGH}`);
}
