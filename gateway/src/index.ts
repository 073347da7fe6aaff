export { createGateway, type CreateGatewayOptions, type Gateway } from "./app.ts";
export { loadGatewayConfig, type GatewayConfig } from "./config.ts";
export { BUSINESS_HEADER, type GatewayContext } from "./context.ts";
