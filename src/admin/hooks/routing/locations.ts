import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import { fetchEveryPage } from "../../lib/every-page"
import type {
  AdminUpdateLocationProfilePayload as LocationProfileUpdate,
  AdminOmsLocation as OmsLocation,
  AdminOmsLocationsResponse as OmsLocationsResponse,
} from "../../../types/routing"
import { omsQueryKeys } from "../query-keys"

/** Stock locations with their routing profiles. */
export const useOmsLocations = () =>
  useQuery({
    queryKey: omsQueryKeys.locations(),
    queryFn: () => fetchEveryPage<OmsLocationsResponse>("/admin/oms/locations", "locations"),
  })

/** Changes a location's routing profile; refreshes locations and the overview on success. */
export const useUpdateLocationProfile = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, update }: { id: string; update: LocationProfileUpdate }) =>
      sdk.client.fetch<{ location: OmsLocation }>(`/admin/oms/locations/${encodeURIComponent(id)}`, {
        method: "POST",
        body: update,
      }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: omsQueryKeys.locations() }),
        queryClient.invalidateQueries({ queryKey: omsQueryKeys.overview() }),
      ])
    },
  })
}
