import { ArrowDownTray, Scan, XCircle } from "@medusajs/icons"
import { Button, Container, DropdownMenu, Heading, StatusBadge, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { Link, useNavigate } from "react-router-dom"
import { useWaveAction } from "../../hooks/picking/waves"
import { errorMessage, formatCount, formatDateTime, formatUnits } from "../../lib/format"
import type { Paper, WaveDetail } from "../../../types/picking"
import { locationLabel, plural, shortWaveId, waveStatusDisplay } from "./display"
import { downloadDocument } from "./download"
import { ProgressBar } from "./progress-bar"
import { PrintWaveLabels } from "../shipping/print-wave-labels"

const PAPERS: { value: Paper; label: string }[] = [
  { value: "a4", label: "A4" },
  { value: "letter", label: "Letter" },
]

/** "Picking / Wave 8F3K2Q1Z" back to the list. */
export const WaveBreadcrumb = ({ wave, current }: { wave: { id: string }; current?: string }) => (
  <Text size="small" className="text-ui-fg-subtle">
    <Link to="/oms/picking" className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
      Picking
    </Link>
    {" / "}
    {current ? (
      <>
        <Link to={`/oms/picking/${wave.id}`} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
          Wave {shortWaveId(wave.id)}
        </Link>
        {` / ${current}`}
      </>
    ) : (
      `Wave ${shortWaveId(wave.id)}`
    )}
  </Text>
)

/** Downloads the wave's pick list PDF on the chosen paper. */
const PrintPickList = ({ waveId }: { waveId: string }) => {
  const [busy, setBusy] = useState(false)
  const print = async (paper: Paper) => {
    setBusy(true)
    try {
      await downloadDocument(`/admin/oms/waves/${encodeURIComponent(waveId)}/pick-list.pdf`, `pick-list-${waveId}.pdf`, {
        query: { paper },
      })
    } catch (error) {
      toast.error("Could not make the pick list", { description: errorMessage(error) })
    } finally {
      setBusy(false)
    }
  }
  return (
    <DropdownMenu>
      <DropdownMenu.Trigger asChild>
        <Button size="small" variant="secondary" isLoading={busy} data-testid="picking-print">
          <ArrowDownTray />
          Print pick list
        </Button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Content align="end">
        {PAPERS.map((paper) => (
          <DropdownMenu.Item key={paper.value} onClick={() => print(paper.value)} data-testid={`picking-print-${paper.value}`}>
            {paper.label} PDF
          </DropdownMenu.Item>
        ))}
      </DropdownMenu.Content>
    </DropdownMenu>
  )
}

/** The wave's status, progress and what can be done with it now. */
export const WaveHeader = ({ wave }: { wave: WaveDetail }) => {
  const navigate = useNavigate()
  const prompt = usePrompt()
  const action = useWaveAction(wave.id)
  const status = waveStatusDisplay(wave.status)
  const { progress } = wave
  const title = `Wave ${shortWaveId(wave.id)}`

  const start = async () => {
    try {
      await action.mutateAsync("start")
      navigate(`/oms/picking/${wave.id}/scan`)
    } catch (error) {
      toast.error(`Could not start ${title}`, { description: errorMessage(error) })
    }
  }

  const cancel = async () => {
    const confirmed = await prompt({
      title: `Cancel ${title}?`,
      description: "Its orders are released and can go into a new wave.",
      confirmText: "Cancel wave",
      cancelText: "Keep it",
    })
    if (!confirmed) return
    try {
      await action.mutateAsync("cancel")
      toast.success(`${title} canceled`)
    } catch (error) {
      toast.error(`Could not cancel ${title}`, { description: errorMessage(error) })
    }
  }

  const cancellable = wave.status === "open" || wave.status === "picking"

  return (
    <Container className="flex flex-col gap-y-4 px-6 py-4" data-testid="picking-wave-header">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="flex flex-col gap-y-1">
          <WaveBreadcrumb wave={wave} />
          <div className="flex items-center gap-x-3">
            <Heading level="h1">{title}</Heading>
            <StatusBadge color={status.color} data-testid="picking-wave-status" data-status={wave.status}>
              {status.label}
            </StatusBadge>
          </div>
          <Text size="small" className="text-ui-fg-subtle">
            {locationLabel(wave)} · {plural(wave.orders.length, "order", "orders")} · {plural(wave.lines, "line", "lines")} ·
            created {formatDateTime(wave.created_at)}
          </Text>
        </div>
        <div className="flex items-center gap-x-2">
          {cancellable && (
            <Button size="small" variant="secondary" onClick={cancel} disabled={action.isPending} data-testid="picking-cancel">
              <XCircle />
              Cancel
            </Button>
          )}
          <PrintPickList waveId={wave.id} />
          {wave.orders.some((order) => order.status === "packed") && <PrintWaveLabels waveId={wave.id} />}
          {wave.status === "open" && (
            <Button size="small" onClick={start} isLoading={action.isPending} data-testid="picking-start">
              <Scan />
              Start picking
            </Button>
          )}
          {wave.status === "picking" && (
            <Button size="small" asChild>
              <Link to={`/oms/picking/${wave.id}/scan`} data-testid="picking-continue">
                <Scan />
                Continue scanning
              </Link>
            </Button>
          )}
        </div>
      </div>
      <div className="flex flex-col gap-y-2">
        <ProgressBar done={progress.units_picked} short={progress.units_short} total={progress.units_total} size="large" />
        <div className="flex flex-wrap justify-between gap-x-4">
          <Text size="small" className="text-ui-fg-subtle tabular-nums" data-testid="picking-wave-units">
            {formatCount(progress.units_picked)} of {formatUnits(progress.units_total)} picked
            {progress.units_short > 0 && <span className="text-ui-fg-error"> · {formatCount(progress.units_short)} short</span>}
          </Text>
          <Text size="small" className="text-ui-fg-subtle tabular-nums">
            {formatCount(progress.stops_done)} of {plural(progress.stops_total, "stop", "stops")}
            {progress.next_bin && ` · next bin ${progress.next_bin}`} · {formatCount(wave.packed_orders)} of{" "}
            {plural(wave.orders.length, "order", "orders")} packed
          </Text>
        </div>
      </div>
    </Container>
  )
}
