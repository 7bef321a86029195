export * from "./dates.ts";
export * from "./labels.ts";
export * from "./late-fee.ts";
export * from "./notices.ts";
export * from "./rounding.ts";
export * from "./taxes.ts";
