import { Button, Container, Heading, Kbd, Label, StatusBadge, Text, clx } from "@medusajs/ui"
import { useEffect, useRef, useState } from "react"
import { Link } from "react-router-dom"
import {
  inspectionEntries,
  roomFor,
  stationDefaults,
  unitsLeft,
  type StationLine,
  type StationUnit,
  type WrongItem,
} from "../../../lib/returns/station"
import { useInspectReturn, useReceiveReturn, useReturnLookup, useScanReturnItem } from "../../hooks/returns/cases"
import { useOmsLocations } from "../../hooks/routing/locations"
import { errorMessage } from "../../lib/format"
import type { Grade, ReturnCaseView } from "../../../types/returns"
import { errorBeep } from "../picking/beep"
import { ScanBanner, type ScanMessage } from "../picking/scan-banner"
import { GRADE_CHOICES, methodLabel, orderLabel, resolutionLabel, returnStatusDisplay } from "./display"
import { InspectionResult } from "./inspection-result"
import { StationUnits } from "./station-units"

/** Lower-case grade letters typed on an empty scan field grade the selected unit (scanners type codes in capitals or digits). */
const GRADE_KEYS = Object.fromEntries(GRADE_CHOICES.map((c) => [c.key, c.grade])) as Record<string, Grade>

const toLines = (c: ReturnCaseView): StationLine[] =>
  c.lines.map((l) => ({ id: l.id, title: l.title, sku: l.sku, quantity: l.quantity, keep_it: l.keep_it, destination_location_id: l.destination_location_id }))

/** Two sentences, the first closed with a full stop when it lacks one (server sentences often do). */
const then = (first: string, next: string) => `${first}${/[.!?]$/.test(first.trim()) ? "" : "."} ${next}`

const placeholder = (c: ReturnCaseView | null, inspected: boolean) =>
  !c || inspected ? "Scan the RMA code on the slip, or the parcel's tracking number" : "Scan each item in the parcel"

/**
 * The inspection station, built for a USB scanner that types a code and Enter, and for a
 * keyboard: the scan field keeps the focus. The first scan finds the return (RMA code or
 * tracking number) and marks the parcel received; each next scan checks an item against the
 * return; grades are letters (n, o, d, m, w) typed on the empty field, arrows move between
 * units, Enter on the empty field submits.
 */
export const InspectionStation = () => {
  const lookup = useReturnLookup()
  const receive = useReceiveReturn()
  const scan = useScanReturnItem()
  const inspect = useInspectReturn()
  const locations = useOmsLocations()
  const input = useRef<HTMLInputElement>(null)
  const queue = useRef<Promise<void>>(Promise.resolve())
  const answers = useRef(0)
  const seq = useRef(0)

  const [value, setValue] = useState("")
  const [message, setAnswer] = useState<ScanMessage | null>(null)
  const [current, setCurrent] = useState<ReturnCaseView | null>(null)
  const [inspected, setInspected] = useState<ReturnCaseView | null>(null)
  const [units, setUnits] = useState<StationUnit[]>([])
  const [wrongItems, setWrongItems] = useState<WrongItem[]>([])
  const [selected, setSelected] = useState<string | null>(null)
  const [refused, setRefused] = useState<string | null>(null)
  const state = useRef({ current, units, inspected })
  state.current = { current, units, inspected }

  const say = (ok: boolean, text: string) => {
    setAnswer({ ok, text, seq: ++answers.current })
    if (!ok) errorBeep()
  }

  // The scan field takes the focus back whenever it loses it: a scanner types wherever the focus
  // is. While a select's list (or a dialog) is open it waits, then takes it back once it closes.
  const waiting = useRef(false)
  const refocus = () => {
    if (waiting.current) return
    waiting.current = true
    const attempt = () => {
      if (document.querySelector("[role=dialog], [role=listbox]")) {
        setTimeout(attempt, 100)
        return
      }
      waiting.current = false
      if (input.current && document.activeElement !== input.current) input.current.focus()
    }
    setTimeout(attempt, 0)
  }
  useEffect(() => {
    refocus()
  }, [current?.id, inspected?.id])

  const startCase = (c: ReturnCaseView) => {
    setCurrent(c)
    setInspected(null)
    setUnits([])
    setWrongItems([])
    setSelected(null)
    setRefused(null)
  }

  /** First scan: find the return; a requested one is marked received right away. */
  const openParcel = async (code: string) => {
    try {
      const found = (await lookup.mutateAsync(code)).return
      if (found.status === "requested") {
        const received = (await receive.mutateAsync(found.id)).return
        startCase(received)
        say(true, `Return ${received.rma_code} (order ${orderLabel(received)}) received. Scan each item in the parcel.`)
      } else if (found.status === "receiving") {
        startCase(found)
        say(true, `Return ${found.rma_code} was received already. Scan each item in the parcel.`)
      } else {
        setCurrent(null)
        setInspected(found)
        const status = returnStatusDisplay(found.status).label.toLowerCase()
        say(false, `Return ${found.rma_code} is ${status}; there is nothing to inspect.`)
      }
    } catch (error) {
      say(false, errorMessage(error))
    }
  }

  /** Each next scan: is this item part of the return? A match adds a unit to grade. */
  const checkItem = async (c: ReturnCaseView, code: string) => {
    try {
      const answer = await scan.mutateAsync({ id: c.id, code })
      if (!answer.match) {
        setRefused(code)
        say(false, then(answer.message, "Press w to record it as a wrong item."))
        return
      }
      const lines = toLines(c)
      const room = roomFor(lines, state.current.units, answer.return_line_id)
      if (!room.ok) {
        setRefused(code)
        say(false, then(room.message, "Press w to record it as a wrong item."))
        return
      }
      const key = `unit-${++seq.current}`
      const unit: StationUnit = { key, return_line_id: answer.return_line_id, scanned_code: code, grade: null, disposition: "none", location_id: null }
      setUnits((all) => [...all, unit])
      setSelected(key)
      setRefused(null)
      say(true, then(answer.message, `Grade it: ${GRADE_CHOICES.map((g) => `${g.key} ${g.label.toLowerCase()}`).join(", ")}.`))
    } catch (error) {
      say(false, errorMessage(error))
    }
  }

  const grade = (key: string, g: Grade) => {
    const c = state.current.current
    if (!c) return
    setUnits((all) => {
      const next = all.map((u) => {
        if (u.key !== key) return u
        const line = c.lines.find((l) => l.id === u.return_line_id)
        return { ...u, grade: g, ...stationDefaults(g, { destination_location_id: line?.destination_location_id ?? null }) }
      })
      // The next unit without a grade is selected, so a run of scans and letters never needs the mouse.
      const after = next.findIndex((u) => u.key === key)
      const ungraded = next.find((u, i) => i > after && u.grade === null) ?? next.find((u) => u.grade === null)
      if (ungraded) setSelected(ungraded.key)
      return next
    })
  }

  const recordWrongItem = () => {
    if (!refused) return
    setWrongItems((all) => [...all, { key: `wrong-${++seq.current}`, code: refused }])
    say(true, `${refused} recorded as a wrong item (not restocked, not refunded).`)
    setRefused(null)
  }

  const submit = async () => {
    const c = state.current.current
    if (!c) return
    const { entries, problems } = inspectionEntries(toLines(c), state.current.units, wrongItems)
    if (problems.length) {
      say(false, problems.join(" "))
      return
    }
    try {
      const done = (await inspect.mutateAsync({ id: c.id, body: { entries } })).return
      setCurrent(null)
      setInspected(done)
      setUnits([])
      setWrongItems([])
      setSelected(null)
      say(true, `Return ${done.rma_code} inspected. Scan the next parcel.`)
    } catch (error) {
      say(false, errorMessage(error))
    }
  }

  const enqueue = (code: string) => {
    queue.current = queue.current.then(async () => {
      const c = state.current.current
      if (!code) {
        if (c) await submit()
        return
      }
      if (!c) await openParcel(code)
      else await checkItem(c, code)
    })
  }

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    const empty = value === ""
    if (event.key === "Enter") {
      event.preventDefault()
      const code = value.trim()
      setValue("")
      enqueue(code)
      return
    }
    if (!empty || !current) return
    if (event.key === "w" && refused) {
      event.preventDefault()
      recordWrongItem()
    } else if (GRADE_KEYS[event.key] && selected) {
      event.preventDefault()
      grade(selected, GRADE_KEYS[event.key])
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault()
      const at = units.findIndex((u) => u.key === selected)
      const next = units[Math.min(units.length - 1, Math.max(0, at + (event.key === "ArrowDown" ? 1 : -1)))]
      if (next) setSelected(next.key)
    } else if (event.key === "Backspace" && selected) {
      event.preventDefault()
      setUnits((all) => all.filter((u) => u.key !== selected))
      setSelected(null)
      say(true, "Unit removed; scan it again to grade it.")
    }
  }

  const busy = lookup.isPending || receive.isPending || scan.isPending || inspect.isPending
  const lines = current ? toLines(current) : []
  const left = current ? Object.values(unitsLeft(lines, units)).reduce((a, b) => a + b, 0) : 0

  return (
    <div className="flex flex-col gap-y-3" onClick={refocus} data-testid="returns-station">
      <Container className="flex flex-wrap items-start justify-between gap-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Text size="small" className="text-ui-fg-subtle">
            <Link to="/oms/returns" className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
              Returns
            </Link>{" "}
            / Inspection station
          </Text>
          <Heading level="h1">Inspection station</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Scan the slip's RMA code or the parcel's tracking number, then every item in it. Grade each unit with a
            letter; Enter on the empty field submits.
          </Text>
        </div>
        <div className="flex flex-wrap items-center gap-2" aria-label="Keyboard shortcuts">
          {GRADE_CHOICES.map((g) => (
            <span key={g.grade} className="txt-compact-small text-ui-fg-subtle flex items-center gap-x-1">
              <Kbd>{g.key}</Kbd> {g.label}
            </span>
          ))}
          <span className="txt-compact-small text-ui-fg-subtle flex items-center gap-x-1">
            <Kbd>↑</Kbd>
            <Kbd>↓</Kbd> unit
          </span>
          <span className="txt-compact-small text-ui-fg-subtle flex items-center gap-x-1">
            <Kbd>⌫</Kbd> remove
          </span>
          <span className="txt-compact-small text-ui-fg-subtle flex items-center gap-x-1">
            <Kbd>Enter</Kbd> submit
          </span>
        </div>
      </Container>

      <Container className="flex flex-col gap-y-3 px-6 py-5">
        <Label htmlFor="returns-scan-input" size="base" weight="plus">
          Scan
        </Label>
        <input
          id="returns-scan-input"
          ref={input}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          value={value}
          placeholder={placeholder(current, !!inspected && !current)}
          onChange={(event) => setValue(event.target.value)}
          onKeyDown={onKeyDown}
          onBlur={refocus}
          aria-busy={busy}
          className={clx(
            "h-16 w-full rounded-lg border-2 border-ui-fg-base bg-ui-bg-base px-4 font-mono text-2xl text-ui-fg-base outline-none",
            "placeholder:text-ui-fg-muted focus:shadow-borders-focus"
          )}
          data-testid="returns-scan-input"
        />
        {/* Station type: the answer is read from a step away. */}
        <div className="[&_span]:text-lg [&_span]:leading-7">
          <ScanBanner message={message} idle="Waiting for the first scan." testId="returns-scan-message" />
        </div>
      </Container>

      {current && (
        <Container className="flex flex-col gap-y-4 px-6 py-5" data-testid="returns-station-case" data-status={current.status}>
          <div className="flex flex-wrap items-start justify-between gap-4">
            <div className="flex flex-col gap-y-1">
              <div className="flex items-center gap-x-3">
                <span className="font-mono text-3xl font-semibold text-ui-fg-base" data-testid="returns-station-rma">
                  {current.rma_code}
                </span>
                <StatusBadge color={returnStatusDisplay(current.status).color}>{returnStatusDisplay(current.status).label}</StatusBadge>
              </div>
              <Text size="large" className="text-ui-fg-base">
                Order {orderLabel(current)} · {current.email ?? "no e-mail"} · {methodLabel(current.method)} · {resolutionLabel(current.resolution)}
              </Text>
            </div>
            <div className="text-right">
              <div className="text-3xl font-semibold tabular-nums text-ui-fg-base" data-testid="returns-station-left">
                {left} {left === 1 ? "unit" : "units"} left
              </div>
              <Text size="small" className="text-ui-fg-subtle">
                Units not scanned are recorded as missing.
              </Text>
            </div>
          </div>
          <StationUnits
            returnCase={current}
            units={units}
            wrongItems={wrongItems}
            selected={selected}
            locations={locations.data?.locations ?? []}
            onSelect={setSelected}
            onGrade={grade}
            onChange={(key, change) => {
              setUnits((all) => all.map((u) => (u.key === key ? { ...u, ...change } : u)))
              refocus()
            }}
            onRemoveWrongItem={(key) => setWrongItems((all) => all.filter((w) => w.key !== key))}
          />
          <div className="flex items-center justify-end gap-x-3">
            {refused && (
              <Button variant="secondary" onClick={recordWrongItem} data-testid="returns-record-wrong-item">
                Record {refused} as a wrong item
              </Button>
            )}
            <Button size="large" onClick={() => enqueue("")} isLoading={inspect.isPending} data-testid="returns-submit-inspection">
              Submit inspection
            </Button>
          </div>
        </Container>
      )}

      {inspected && !current && <InspectionResult returnCase={inspected} locations={locations.data?.locations ?? []} />}
    </div>
  )
}
