import { DocumentText } from "@medusajs/icons"
import { Button, DropdownMenu, toast } from "@medusajs/ui"
import { useState } from "react"
import { errorMessage } from "../../lib/format"
import type { LabelSize } from "../../../types/shipping"
import { LABEL_SIZES } from "./display"
import { openAdminFile } from "./open-label"

/**
 * "Print labels": the wave's labels merged into one PDF in pick order, on 4x6 label stock or
 * A4/Letter sheets (GET /admin/oms/waves/:id/labels?format=pdf&size=…).
 */
export const PrintWaveLabels = ({ waveId }: { waveId: string }) => {
  const [busy, setBusy] = useState(false)
  const print = async (size: LabelSize) => {
    setBusy(true)
    try {
      await openAdminFile(`/admin/oms/waves/${encodeURIComponent(waveId)}/labels`, { format: "pdf", size })
    } catch (error) {
      toast.error("Could not make the wave's labels", { description: errorMessage(error) })
    } finally {
      setBusy(false)
    }
  }
  return (
    <DropdownMenu>
      <DropdownMenu.Trigger asChild>
        <Button size="small" variant="secondary" isLoading={busy} data-testid="picking-print-labels">
          <DocumentText />
          Print labels
        </Button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Content align="end">
        {LABEL_SIZES.map((size) => (
          <DropdownMenu.Item key={size.value} onClick={() => print(size.value)} data-testid={`picking-print-labels-${size.value}`}>
            {size.label}
          </DropdownMenu.Item>
        ))}
      </DropdownMenu.Content>
    </DropdownMenu>
  )
}
