export { evaluate, pickLocale } from "./evaluate.ts";
export {
  addDuration,
  type CompiledChannel,
  type CompiledPolicy,
  compilePolicy,
  DEFAULT_RESPONSE,
} from "./policy.ts";
export * from "./types.ts";
