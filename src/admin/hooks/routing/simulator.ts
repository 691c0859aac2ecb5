import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import type { AdminSimulation as Simulation, SimulationWindow } from "../../../types/routing"
import { omsQueryKeys } from "../query-keys"

const simulationKey = (id: string) => [...omsQueryKeys.all, "simulations", id] as const

/** While a replay runs, ask for its progress this often. */
const RUNNING_POLL_MS = 1_000

const isRunning = (simulation: Simulation | undefined) =>
  simulation !== undefined && (simulation.status === "queued" || simulation.status === "running")

/** One simulation; polled while it is queued or running, then left alone. */
export const useSimulation = (id: string | null) =>
  useQuery({
    queryKey: simulationKey(id ?? ""),
    queryFn: () => sdk.client.fetch<{ simulation: Simulation }>(`/admin/oms/simulations/${encodeURIComponent(id as string)}`),
    enabled: Boolean(id),
    refetchInterval: (query) => (isRunning(query.state.data?.simulation) ? RUNNING_POLL_MS : false),
  })

/** Queues a replay of past orders through a rule set. */
export const useCreateSimulation = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: { rule_set_id: string } & SimulationWindow) =>
      sdk.client.fetch<{ simulation: Simulation }>("/admin/oms/simulations", { method: "POST", body }),
    onSuccess: ({ simulation }) => queryClient.setQueryData(simulationKey(simulation.id), { simulation }),
  })
}

/** Stops a queued or running replay at its next batch. */
export const useCancelSimulation = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) =>
      sdk.client.fetch<{ simulation: Simulation }>(`/admin/oms/simulations/${encodeURIComponent(id)}/cancel`, {
        method: "POST",
        body: {},
      }),
    onSuccess: ({ simulation }) => queryClient.invalidateQueries({ queryKey: simulationKey(simulation.id) }),
  })
}

/** Where the browser downloads a simulation's rows as CSV (the admin session authenticates it). */
export const simulationCsvUrl = (id: string): string => {
  const base = (import.meta.env.VITE_BACKEND_URL || "").replace(/\/$/, "")
  return `${base}/admin/oms/simulations/${encodeURIComponent(id)}/rows.csv`
}
