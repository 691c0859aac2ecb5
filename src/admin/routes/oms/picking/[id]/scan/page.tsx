import { useParams } from "react-router-dom"
import { ScanStation } from "../../../../../components/picking/scan-station"
import { WaveLoader } from "../../../../../components/picking/wave-loader"

/** Scan-to-verify for one wave: bin, item, quantity, stop after stop in walk order. */
const WaveScanPage = () => {
  const { id } = useParams()
  return (
    <div data-testid="picking-scan-page">
      <WaveLoader id={id}>{(wave) => <ScanStation wave={wave} />}</WaveLoader>
    </div>
  )
}

export default WaveScanPage
