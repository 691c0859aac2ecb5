import { Container } from "@medusajs/ui"
import { useParams } from "react-router-dom"
import { SectionError, SectionLoading } from "../../../../../../components/common/section-state"
import { PackStation } from "../../../../../../components/picking/pack-station"
import { usePack } from "../../../../../../hooks/picking/waves"

/** Packing one order of a wave into its parcel. */
const PackOrderPage = () => {
  const { id, order_id } = useParams()
  const { data, isPending, isError, error, refetch } = usePack(id as string, order_id as string)
  return (
    <div data-testid="picking-pack-page">
      {isPending || isError ? (
        <Container className="p-0">
          {isPending ? <SectionLoading rows={4} /> : <SectionError error={error} onRetry={() => refetch()} />}
        </Container>
      ) : (
        // A new station when the order's status changes, so a packed order shows its parcel as packed.
        <PackStation key={`${data.order_id}:${data.status}`} waveId={id as string} pack={data} />
      )}
    </div>
  )
}

export default PackOrderPage
