// The subset of autocannon 9 the bench uses (the package ships no types).
declare module "autocannon" {
  export interface Result {
    requests: { average: number };
    errors: number;
    timeouts: number;
    non2xx: number;
    mismatches?: number;
  }
  interface Instance extends PromiseLike<Result> {
    on(event: "response", listener: (client: unknown, status: number, bytes: number, ms: number) => void): this;
  }
  export default function autocannon(options: {
    url: string;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    duration?: number;
    connections?: number;
    expectBody?: string;
    /** Each request in turn; `onResponse` sees every answer's status and body. */
    requests?: { onResponse?: (status: number, body: string) => void }[];
  }): Instance;
}
