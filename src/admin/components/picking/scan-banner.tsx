import { CheckCircleSolid, ExclamationCircleSolid } from "@medusajs/icons"
import { clx } from "@medusajs/ui"

/** `seq` counts the answers, so the same sentence twice still reads as a new answer. */
export type ScanMessage = { ok: boolean; text: string; seq?: number }

/** The answer to the last scan: green when taken, red (and announced) when refused. */
export const ScanBanner = ({
  message,
  idle,
  testId,
}: {
  message: ScanMessage | null
  idle: string
  testId: string
}) => (
  <div
    role={message && !message.ok ? "alert" : "status"}
    aria-live="assertive"
    data-testid={testId}
    data-ok={message ? String(message.ok) : undefined}
    data-seq={message?.seq ?? 0}
    className={clx(
      "flex min-h-[52px] items-center gap-x-3 rounded-lg px-4 py-3",
      !message && "bg-ui-bg-subtle text-ui-fg-muted",
      message?.ok && "bg-ui-tag-green-bg text-ui-tag-green-text",
      message && !message.ok && "bg-ui-tag-red-bg text-ui-tag-red-text shadow-borders-error"
    )}
  >
    {message?.ok && <CheckCircleSolid className="shrink-0" />}
    {message && !message.ok && <ExclamationCircleSolid className="shrink-0" />}
    <span className={clx("txt-compact-medium", message && !message.ok && "font-medium")}>{message ? message.text : idle}</span>
  </div>
)
