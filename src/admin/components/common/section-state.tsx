import { Button, Skeleton, Text } from "@medusajs/ui"
import { errorMessage } from "../../lib/format"

/** Placeholder rows while a section's data loads. */
export const SectionLoading = ({ rows = 3 }: { rows?: number }) => (
  <div className="flex flex-col gap-y-3 px-6 py-4" aria-busy="true">
    {Array.from({ length: rows }, (_, index) => (
      <Skeleton key={index} className="h-5 w-full" />
    ))}
  </div>
)

/** A section's failed request, with the server's message and a way to try again. */
export const SectionError = ({ error, onRetry }: { error: unknown; onRetry?: () => void }) => (
  <div className="flex items-center justify-between gap-x-4 px-6 py-4" role="alert">
    <Text size="small" className="text-ui-fg-error">
      {errorMessage(error)}
    </Text>
    {onRetry && (
      <Button size="small" variant="secondary" onClick={onRetry}>
        Try again
      </Button>
    )}
  </div>
)

/** A section with nothing to show yet. */
export const SectionEmpty = ({ children }: { children: React.ReactNode }) => (
  <div className="px-6 py-4">
    <Text size="small" className="text-ui-fg-subtle">
      {children}
    </Text>
  </div>
)
