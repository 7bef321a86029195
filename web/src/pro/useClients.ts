// Every client of the workspace (by id), for names in lists and pickers.
import { useQuery } from "@tanstack/react-query";
import { get } from "../lib/api.ts";
import type { Client } from "../lib/types.ts";

export function useClients() {
  const query = useQuery({
    queryKey: ["clients", "all"],
    queryFn: () => get<{ items: Client[]; total: number }>("/clients?limit=200"),
  });
  const byId = new Map((query.data?.items ?? []).map((c) => [c.id, c]));
  return { ...query, byId, list: query.data?.items ?? [] };
}
