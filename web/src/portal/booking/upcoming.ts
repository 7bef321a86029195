// The client's upcoming booked meetings (shared by the portal home card and the booking page).
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { get, query } from "../../lib/api.ts";
import type { PortalBooking } from "../../lib/bookings.ts";

export const UPCOMING_KEY = ["portal", "bookings", "upcoming"] as const;

export function useUpcomingBookings() {
  // From an hour ago: a meeting in progress still shows (it can no longer be moved).
  const [from] = useState(() => new Date(Date.now() - 3_600_000).toISOString());
  return useQuery({
    queryKey: UPCOMING_KEY,
    queryFn: () =>
      get<{ items: PortalBooking[] }>(`/portal/bookings${query({ status: "booked", from })}`),
  });
}
