// Reading bookings: the professional's list (any client or member) and one booking; the client's
// own bookings in the portal, without what is the professional's business (waived rules, who
// booked or cancelled).
import {
  type Booking,
  type BookingFilter,
  getBooking,
  listBookings,
} from "../../store/repositories/bookings.ts";
import type { AppContext } from "../context.ts";
import { AppError } from "../errors.ts";

export interface PortalBooking {
  id: string;
  meetingTypeId: string;
  start: string;
  end: string;
  status: Booking["status"];
  cancelledAt: string | null;
  countsAsUsed: boolean;
  fee: number | null;
  extraPrice: number | null;
  currency: string | null;
  rescheduledFrom: string | null;
}

export function portalView(b: Booking): PortalBooking {
  return {
    id: b.id,
    meetingTypeId: b.meetingTypeId,
    start: b.start,
    end: b.end,
    status: b.status,
    cancelledAt: b.cancelledAt,
    countsAsUsed: b.countsAsUsed,
    fee: b.fee,
    extraPrice: b.extraPrice,
    currency: b.currency,
    rescheduledFrom: b.rescheduledFrom,
  };
}

export async function findBookings(
  ctx: AppContext,
  workspaceId: string,
  filter: BookingFilter,
): Promise<Booking[]> {
  return listBookings(ctx.db, workspaceId, filter);
}

export async function findBooking(
  ctx: AppContext,
  workspaceId: string,
  id: string,
): Promise<Booking> {
  const booking = await getBooking(ctx.db, workspaceId, id);
  if (!booking) throw new AppError("not_found", "booking_not_found");
  return booking;
}
