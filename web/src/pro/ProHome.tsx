// /app: to the onboarding wizard until a charter is published, then to the inbox.
import { useQuery } from "@tanstack/react-query";
import { Navigate } from "react-router";
import { ErrorMessage, Loading } from "../components/ui.tsx";
import { get } from "../lib/api.ts";
import type { VersionSummary } from "../lib/types.ts";

export function ProHome() {
  const versions = useQuery({
    queryKey: ["charter", "versions"],
    queryFn: () => get<{ items: VersionSummary[] }>("/charter/versions"),
  });
  if (versions.isPending) return <Loading />;
  if (versions.error) return <ErrorMessage error={versions.error} />;
  return <Navigate to={versions.data.items.length ? "/app/inbox" : "/app/charter"} replace />;
}
