import { ArrowDownTray, ArrowUpTray } from "@medusajs/icons"
import { Button, Container, Heading, Hint, Label, Text, Textarea, toast } from "@medusajs/ui"
import { useId, useRef, useState } from "react"
import { useImportBins } from "../../hooks/picking/bins"
import { errorMessage, formatCount } from "../../lib/format"
import type { AdminBinsImportResponse as BinsImportResult } from "../../../types/picking"
import { downloadDocument } from "./download"

const EXAMPLE = `location,sku,bin,walk_sequence
Newark DC,TEE-M,A-03-2-B,
Newark DC,MUG-BLUE,B-01-1-A,120`

const ImportResult = ({ result }: { result: BinsImportResult }) => (
  <div className="flex flex-col gap-y-2" data-testid="picking-bins-import-result" aria-live="polite">
    <Text size="small" weight="plus" className="text-ui-fg-base" data-testid="picking-bins-imported">
      {result.imported === 1 ? "1 bin imported" : `${formatCount(result.imported)} bins imported`}
      {result.errors.length > 0 &&
        `, ${result.errors.length === 1 ? "1 line" : `${formatCount(result.errors.length)} lines`} not imported:`}
    </Text>
    {result.errors.length > 0 && (
      <ul
        className="bg-ui-bg-subtle shadow-borders-base flex max-h-[240px] flex-col gap-y-1 overflow-y-auto rounded-lg px-3 py-2"
        data-testid="picking-bins-import-errors"
      >
        {result.errors.map((error) => (
          <li key={`${error.line}-${error.message}`} className="txt-small flex gap-x-2">
            <span className="text-ui-fg-muted shrink-0 tabular-nums">Line {error.line}</span>
            <span className="text-ui-fg-error">{error.message}</span>
          </li>
        ))}
      </ul>
    )}
  </div>
)

/** Bins in bulk: paste or choose a CSV to import (good rows kept, bad rows listed by line), and export. */
export const BinsImport = ({ locationId, locationName }: { locationId?: string; locationName?: string }) => {
  const ids = useId()
  const file = useRef<HTMLInputElement>(null)
  const [csv, setCsv] = useState("")
  const [result, setResult] = useState<BinsImportResult | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [exporting, setExporting] = useState(false)
  const importBins = useImportBins()

  const onFile = async (event: React.ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0]
    event.target.value = ""
    if (!chosen) return
    setCsv(await chosen.text())
    setResult(null)
    setError(null)
  }

  const onImport = async () => {
    setError(null)
    setResult(null)
    try {
      const answer = await importBins.mutateAsync(csv)
      setResult(answer)
      if (answer.imported > 0) toast.success(`${formatCount(answer.imported)} bins imported`)
    } catch (failure) {
      setError(errorMessage(failure))
    }
  }

  const onExport = async () => {
    setExporting(true)
    try {
      await downloadDocument("/admin/oms/bins/export.csv", "bins.csv", {
        query: locationId ? { stock_location_id: locationId } : undefined,
        accept: "text/csv",
      })
    } catch (failure) {
      toast.error("Could not export the bins", { description: errorMessage(failure) })
    } finally {
      setExporting(false)
    }
  }

  return (
    <Container className="divide-y p-0" data-testid="picking-bins-import">
      <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Heading level="h2">Import and export</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            A CSV with a header line and the columns location (id or name), sku, bin and optionally walk_sequence.
          </Text>
        </div>
        <Button size="small" variant="secondary" onClick={onExport} isLoading={exporting} data-testid="picking-bins-export">
          <ArrowDownTray />
          {locationName ? `Export ${locationName}` : "Export all"}
        </Button>
      </div>
      <div className="flex flex-col gap-y-4 px-6 py-4">
        <div className="flex flex-col gap-y-2">
          <Label htmlFor={`${ids}-csv`} size="small" weight="plus">
            CSV
          </Label>
          <Textarea
            id={`${ids}-csv`}
            rows={6}
            className="font-mono"
            placeholder={EXAMPLE}
            value={csv}
            onChange={(event) => setCsv(event.target.value)}
            data-testid="picking-bins-csv"
          />
          <Hint>Rows that fail are listed by line; the others are imported. An item's existing bin is replaced.</Hint>
        </div>
        <div className="flex items-center justify-end gap-x-2">
          <input ref={file} type="file" accept=".csv,text/csv" className="hidden" onChange={onFile} data-testid="picking-bins-file" />
          <Button size="small" variant="secondary" type="button" onClick={() => file.current?.click()}>
            <ArrowUpTray />
            Choose file
          </Button>
          <Button
            size="small"
            onClick={onImport}
            disabled={csv.trim() === ""}
            isLoading={importBins.isPending}
            data-testid="picking-bins-import-submit"
          >
            Import
          </Button>
        </div>
        {error && (
          <Hint variant="error" data-testid="picking-bins-import-error">
            {error}
          </Hint>
        )}
        {result && <ImportResult result={result} />}
      </div>
    </Container>
  )
}
