export { type Blocked, mergeBlocked } from "./blocked.ts";
export { ANCHOR_SPAN_MS, type GridSegment, gridSegments } from "./grid.ts";
export {
  formatDayLabel,
  formatSlotLabel,
  formatSlotTime,
  groupSlotsByDay,
  type LabelledSlot,
  type SlotDay,
} from "./labels.ts";
export {
  computeSlots,
  DEFAULT_HORIZON_DAYS,
  earliestStart,
  horizonEnd,
  isoWeekOf,
  slotIntervalOf,
  slotsToIso,
} from "./slots.ts";
export type * from "./types.ts";
