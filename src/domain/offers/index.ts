export * from "./pricing.ts";
export type * from "./types.ts";
