// The portal home's meetings card: included meetings left, the next meeting (zone named) and
// the way to the booking page.
import "../../i18n/bookings.ts";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Card, focusRing } from "../../components/ui.tsx";
import { rangeText } from "../../lib/bookings.ts";
import { useFormat } from "../../lib/format.tsx";
import type { PortalOverview } from "../../lib/types.ts";
import { useUpcomingBookings } from "./upcoming.ts";

export function MeetingsCard({ overview }: { overview: PortalOverview }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const upcoming = useUpcomingBookings();
  const items = upcoming.data?.items ?? [];
  const next = items.find((b) => Date.parse(b.end) > Date.now());
  const quota = overview.engagement?.quotas.find((q) => q.quota === "meetings");
  return (
    <Card aria-labelledby="portal-meetings-title" data-testid="portal-meetings">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h2 id="portal-meetings-title" className="text-lg font-semibold">
            {t("booking.homeTitle")}
          </h2>
          {quota && (
            <p className="mt-1 text-sm text-stone-700" data-testid="portal-meetings-left">
              {t("booking.homeLeft", { count: Math.max(0, quota.left) })}
            </p>
          )}
          <p className="mt-1 text-sm text-stone-700" data-testid="portal-meetings-next">
            {next
              ? t("booking.homeNext", { when: rangeText(next, fmt.locale, fmt.zone) })
              : upcoming.isPending
                ? ""
                : t("booking.homeNone")}
            {items.length > 1 && ` (${t("booking.homeMore", { count: items.length - 1 })})`}
          </p>
        </div>
        <Link
          to="/portal/book"
          data-testid="portal-book-link"
          className={`inline-flex items-center rounded-md bg-teal-800 px-4 py-2 text-sm font-medium text-white hover:bg-teal-900 ${focusRing}`}
        >
          {t("booking.homeBook")}
        </Link>
      </div>
    </Card>
  );
}
