import { Container } from "@medusajs/ui"
import { useWave } from "../../hooks/picking/waves"
import type { WaveDetail } from "../../../types/picking"
import { SectionError, SectionLoading } from "../common/section-state"

/** Loads a wave for one of its pages; shows the loading and error states in a container. */
export const WaveLoader = ({ id, children }: { id: string | undefined; children: (wave: WaveDetail) => React.ReactNode }) => {
  const { data, isPending, isError, error, refetch } = useWave(id)
  if (isPending || isError) {
    return (
      <Container className="p-0">
        {isPending ? <SectionLoading rows={4} /> : <SectionError error={error} onRetry={() => refetch()} />}
      </Container>
    )
  }
  return <>{children(data.wave)}</>
}
