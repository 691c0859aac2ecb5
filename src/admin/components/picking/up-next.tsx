import { Container, Heading, Text } from "@medusajs/ui"
import { formatCount } from "../../lib/format"
import type { WaveDetail } from "../../../types/picking"

const SHOWN = 5

/** The stops after the current one, so the picker can see where the walk goes. */
export const UpNext = ({ wave }: { wave: WaveDetail }) => {
  const current = wave.scan.current_stop
  const ahead = current ? wave.pick_list.stops.filter((stop) => stop.index > current.index) : []
  return (
    <Container className="divide-y p-0" data-testid="picking-up-next">
      <div className="px-4 py-3">
        <Heading level="h3">Up next</Heading>
      </div>
      {ahead.length === 0 ? (
        <Text size="small" className="text-ui-fg-subtle px-4 py-3">
          This is the last stop.
        </Text>
      ) : (
        <ol className="flex flex-col divide-y">
          {ahead.slice(0, SHOWN).map((stop) => (
            <li key={stop.index} className="flex items-center justify-between gap-x-3 px-4 py-2" data-testid="picking-up-next-stop">
              <div className="flex min-w-0 flex-col">
                <span className={stop.bin_code ? "txt-compact-small-plus text-ui-fg-base font-mono" : "txt-compact-small text-ui-fg-muted"}>
                  {stop.bin_code ?? "No bin"}
                </span>
                <Text size="xsmall" className="text-ui-fg-subtle truncate" title={stop.product_title}>
                  {stop.sku ?? stop.product_title}
                </Text>
              </div>
              <Text size="small" className="text-ui-fg-base shrink-0 tabular-nums">
                ×{formatCount(stop.quantity)}
              </Text>
            </li>
          ))}
          {ahead.length > SHOWN && (
            <li className="px-4 py-2">
              <Text size="xsmall" className="text-ui-fg-muted">
                and {formatCount(ahead.length - SHOWN)} more stops
              </Text>
            </li>
          )}
        </ol>
      )}
    </Container>
  )
}
