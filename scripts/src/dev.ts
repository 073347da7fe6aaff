import { launch } from "./launcher.ts";

/** The API stack plus Vite with hot reload (./billfold dev). */
await launch({ viteDev: true });
