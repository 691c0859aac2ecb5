import { useParams } from "react-router-dom"
import { PickListTable } from "../../../../components/picking/pick-list-table"
import { WaveHeader } from "../../../../components/picking/wave-header"
import { WaveLoader } from "../../../../components/picking/wave-loader"
import { WaveOrdersTable } from "../../../../components/picking/wave-orders-table"

/** One wave: status and actions, the pick list in walk order, and its orders to pack. */
const WavePage = () => {
  const { id } = useParams()
  return (
    <div className="flex flex-col gap-y-3" data-testid="picking-wave-page">
      <WaveLoader id={id}>
        {(wave) => (
          <>
            <WaveHeader wave={wave} />
            <PickListTable wave={wave} />
            <WaveOrdersTable wave={wave} />
          </>
        )}
      </WaveLoader>
    </div>
  )
}

export default WavePage
