import { clx } from "@medusajs/ui"

/**
 * A thin bar of picked (and short) units out of the total, like the progress bars in Medusa's
 * own admin. Short units show in red after the picked ones, so a wave with shorts is visibly not
 * all green.
 */
export const ProgressBar = ({
  done,
  short = 0,
  total,
  size = "small",
  testId,
}: {
  done: number
  short?: number
  total: number
  size?: "small" | "large"
  testId?: string
}) => {
  const percent = (value: number) => (total > 0 ? Math.min(100, Math.max(0, (value / total) * 100)) : 0)
  return (
    <div
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={done + short}
      data-testid={testId}
      className={clx(
        "bg-ui-bg-switch-off flex w-full overflow-hidden rounded-full",
        size === "small" ? "h-1.5" : "h-2.5"
      )}
    >
      <div className="bg-ui-tag-green-icon h-full transition-[width]" style={{ width: `${percent(done)}%` }} />
      <div className="bg-ui-tag-red-icon h-full transition-[width]" style={{ width: `${percent(short)}%` }} />
    </div>
  )
}
