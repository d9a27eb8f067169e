// Minimal types for the part of autocannon 8 the benchmark uses (the package ships none).
declare module "autocannon" {
  import type { EventEmitter } from "node:events";
  type Options = { url: string; connections?: number; duration?: number; headers?: Record<string, string>; timeout?: number };
  type Histogram = { average: number; mean: number; stddev: number; min: number; max: number; total: number; p50: number; p90: number; p99: number };
  export type Result = {
    requests: Histogram;
    latency: Histogram;
    throughput: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    duration: number;
    "2xx": number;
  };
  export type Instance = EventEmitter & Promise<Result> & { stop(): void };
  function autocannon(opts: Options): Instance;
  export default autocannon;
}
