import { Button, Container, Heading, Input, Label, StatusBadge, Text, toast } from "@medusajs/ui"
import { useEffect, useRef, useState } from "react"
import { Link } from "react-router-dom"
import { isItem } from "../../../lib/picking/scanned-code"
import { useScan, useWaveAction } from "../../hooks/picking/waves"
import { errorMessage, formatCount } from "../../lib/format"
import type { ScanEvent, WaveDetail } from "../../../types/picking"
import { errorBeep } from "./beep"
import { CurrentStopCard } from "./current-stop-card"
import { locationLabel, plural, shortWaveId, waveStatusDisplay } from "./display"
import { ProgressBar } from "./progress-bar"
import { ScanBanner, type ScanMessage } from "./scan-banner"
import { ShortPickDrawer } from "./short-pick-drawer"
import { UpNext } from "./up-next"
import { WaveBreadcrumb } from "./wave-header"

/** A typed number in the quantity step: a count, not a code (codes that match the item win). */
const QUANTITY = /^\d{1,4}$/

/**
 * What a scan means in the current step. The scanner only types; the page decides: a bin in the
 * bin step, an item in the item step; in the quantity step the item's code counts one more
 * unit, a small number sets the count, and Enter alone confirms the count on screen.
 */
const toEvent = (wave: WaveDetail, code: string, confirmQuantity: number): ScanEvent | null => {
  const { phase, current_stop: stop } = wave.scan
  if (phase === "bin") return code ? { type: "bin", code } : null
  if (phase === "item") return code ? { type: "item", code } : null
  if (!code) return { type: "quantity", quantity: confirmQuantity }
  if (stop && isItem(code, stop)) return { type: "item", code }
  if (QUANTITY.test(code)) return { type: "quantity", quantity: Number(code) }
  return { type: "item", code }
}

const placeholder = (wave: WaveDetail, quantity: number): string => {
  const stop = wave.scan.current_stop
  if (!stop) return "Nothing left to scan"
  if (wave.scan.phase === "bin") return `Scan bin ${stop.bin_code}`
  if (wave.scan.phase === "item") return `Scan item ${stop.sku ?? stop.barcode ?? ""}`
  return `Scan another unit, type a count, or press Enter to confirm ${quantity}`
}

/** The scan station for one wave, built for a USB scanner that types a code and Enter. */
export const ScanStation = ({ wave }: { wave: WaveDetail }) => {
  const scan = useScan(wave.id)
  const start = useWaveAction(wave.id)
  const input = useRef<HTMLInputElement>(null)
  const latest = useRef(wave)
  const queue = useRef<Promise<void>>(Promise.resolve())
  const [value, setValue] = useState("")
  const [message, setAnswer] = useState<ScanMessage | null>(null)
  const answers = useRef(0)
  const setMessage = (next: Omit<ScanMessage, "seq">) => setAnswer({ ...next, seq: ++answers.current })
  const [shortOpen, setShortOpen] = useState(false)
  const [shortError, setShortError] = useState<string | null>(null)
  const stop = wave.scan.current_stop
  // Units counted at the current stop: the server's count when it sends one, else our own.
  const [counted, setCounted] = useState<{ index: number; picked: number } | null>(null)
  const countedHere = stop?.picked ?? (counted && stop && counted.index === stop.index ? counted.picked : 0)
  const [quantity, setQuantity] = useState(stop?.quantity ?? 1)

  latest.current = wave
  useEffect(() => setQuantity(stop?.quantity ?? 1), [stop?.index, stop?.quantity])

  // The scan field keeps the focus: a scanner types wherever the focus is.
  const refocus = () => {
    if (shortOpen) return
    setTimeout(() => {
      if (!document.querySelector("[role=dialog]")) input.current?.focus()
    }, 0)
  }
  useEffect(() => {
    if (!shortOpen) refocus()
  }, [shortOpen, wave.status])

  const send = async (event: ScanEvent) => {
    const at = latest.current.scan.current_stop
    try {
      const answer = await scan.mutateAsync(event)
      latest.current = { ...latest.current, scan: answer.scan, progress: answer.progress }
      setMessage({ ok: answer.outcome.ok, text: answer.outcome.message })
      if (!answer.outcome.ok) errorBeep()
      if (at && answer.outcome.ok && answer.outcome.code === "item_ok") {
        setCounted((current) => {
          const before = current && current.index === at.index ? current.picked : at.picked ?? 0
          return { index: at.index, picked: event.type === "quantity" ? event.quantity : before + 1 }
        })
      }
      return true
    } catch (error) {
      setMessage({ ok: false, text: errorMessage(error) })
      errorBeep()
      return false
    }
  }

  // Scans are handled one after another, each read against the position the previous one left.
  const enqueue = (code: string) => {
    queue.current = queue.current.then(async () => {
      const event = toEvent(latest.current, code, quantity)
      if (event) await send(event)
    })
  }

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== "Enter") return
    event.preventDefault()
    const code = value.trim()
    setValue("")
    enqueue(code)
  }

  const onShort = async (found: number, reason: string) => {
    setShortError(null)
    try {
      const answer = await scan.mutateAsync({ type: "short", quantity_found: found, reason })
      latest.current = { ...latest.current, scan: answer.scan, progress: answer.progress }
      setMessage({ ok: answer.outcome.ok, text: answer.outcome.message })
      setShortOpen(false)
    } catch (error) {
      setShortError(errorMessage(error))
    }
  }

  const onStart = async () => {
    try {
      await start.mutateAsync("start")
    } catch (error) {
      toast.error("Could not start picking", { description: errorMessage(error) })
    }
  }

  const status = waveStatusDisplay(wave.status)
  const { progress } = wave
  const left = Math.max(0, progress.units_total - progress.units_picked - progress.units_short)
  const scanning = wave.status === "picking" && stop !== null

  return (
    <div className="flex flex-col gap-y-3" onClick={refocus}>
      <Container className="flex flex-col gap-y-4 px-6 py-4">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="flex flex-col gap-y-1">
            <WaveBreadcrumb wave={wave} current="Scan" />
            <div className="flex items-center gap-x-3">
              <Heading level="h1">Scan wave {shortWaveId(wave.id)}</Heading>
              <StatusBadge color={status.color} data-testid="picking-wave-status" data-status={wave.status}>
                {status.label}
              </StatusBadge>
            </div>
            <Text size="small" className="text-ui-fg-subtle">
              {locationLabel(wave)}
            </Text>
          </div>
          <div className="flex flex-col items-end gap-y-1 text-right">
            <Text size="xlarge" weight="plus" className="text-ui-fg-base tabular-nums" data-testid="picking-scan-left">
              {formatCount(left)} {left === 1 ? "unit" : "units"} left
            </Text>
            <Text size="small" className="text-ui-fg-subtle tabular-nums">
              {formatCount(progress.stops_done)} of {plural(progress.stops_total, "stop", "stops")} done
              {progress.units_short > 0 && <span className="text-ui-fg-error"> · {formatCount(progress.units_short)} short</span>}
            </Text>
          </div>
        </div>
        <ProgressBar
          done={progress.units_picked}
          short={progress.units_short}
          total={progress.units_total}
          size="large"
          testId="picking-scan-progress"
        />
      </Container>

      {wave.status === "open" && (
        <Container className="flex items-center justify-between gap-x-4 px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">
            This wave has not started. Start picking to scan it.
          </Text>
          <Button size="small" onClick={onStart} isLoading={start.isPending} data-testid="picking-start">
            Start picking
          </Button>
        </Container>
      )}

      {wave.status === "picking" && (
        <Container className="flex flex-col gap-y-3 px-6 py-4">
          <Label htmlFor="picking-scan-input" size="small" weight="plus">
            Scan
          </Label>
          <Input
            id="picking-scan-input"
            ref={input}
            autoFocus
            autoComplete="off"
            spellCheck={false}
            value={value}
            disabled={!scanning}
            placeholder={placeholder(wave, quantity)}
            onChange={(event) => setValue(event.target.value)}
            onKeyDown={onKeyDown}
            onBlur={refocus}
            className="h-14 font-mono text-xl"
            data-testid="picking-scan-input"
          />
          <ScanBanner message={message} idle="Waiting for the first scan." testId="picking-scan-message" />
        </Container>
      )}

      {scanning && stop ? (
        <div className="grid items-start gap-3 xl:grid-cols-[minmax(0,1fr)_300px]">
          <CurrentStopCard
            stop={stop}
            phase={wave.scan.phase}
            counted={countedHere}
            quantity={quantity}
            busy={scan.isPending}
            onQuantityChange={setQuantity}
            onConfirm={() => enqueue("")}
            onShort={() => {
              setShortError(null)
              setShortOpen(true)
            }}
          />
          <UpNext wave={wave} />
        </div>
      ) : (
        (wave.status === "picked" || wave.status === "packed" || (wave.status === "picking" && !stop)) && (
          <Container className="flex flex-col gap-y-3 px-6 py-5" data-testid="picking-scan-done">
            {message && wave.status !== "picking" && <ScanBanner message={message} idle="Waiting for the first scan." testId="picking-scan-message" />}
            <Heading level="h2">Wave picked</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              {formatCount(progress.units_picked)} units picked
              {progress.units_short > 0 ? `, ${formatCount(progress.units_short)} short (sent back to routing)` : ""}. Take
              the totes to packing.
            </Text>
            <div>
              <Button size="small" asChild>
                <Link to={`/oms/picking/${wave.id}`} data-testid="picking-scan-to-wave">
                  Pack the orders
                </Link>
              </Button>
            </div>
          </Container>
        )
      )}

      {wave.status === "canceled" && (
        <Container className="px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">
            This wave was canceled; there is nothing to scan.
          </Text>
        </Container>
      )}

      <ShortPickDrawer
        stop={stop}
        counted={countedHere}
        open={shortOpen}
        error={shortError}
        busy={scan.isPending}
        onOpenChange={setShortOpen}
        onSubmit={onShort}
      />
    </div>
  )
}
