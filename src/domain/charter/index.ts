export * from "./messages.ts";
export * from "./schema.ts";
export * from "./validate.ts";
