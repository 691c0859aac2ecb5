import { Text } from "@medusajs/ui"

/** An item's SKU with its barcode under it, as the pick list and the pack station show it. */
export const SkuWithBarcode = ({
  sku,
  barcode,
  testId,
}: {
  sku: string | null
  barcode: string | null
  testId?: string
}) => (
  <div className="flex flex-col">
    <span className="text-ui-fg-base whitespace-nowrap" data-testid={testId}>
      {sku ?? "No SKU"}
    </span>
    {barcode && (
      <Text size="xsmall" className="text-ui-fg-muted font-mono">
        {barcode}
      </Text>
    )}
  </div>
)

/** A product title with its variant under it, cut to `className`'s width. */
export const TitleWithVariant = ({
  title,
  variantTitle,
  className,
}: {
  title: string
  variantTitle: string | null
  className: string
}) => (
  <div className={`flex flex-col ${className}`}>
    <span className="text-ui-fg-base truncate" title={title}>
      {title}
    </span>
    {variantTitle && (
      <Text size="xsmall" className="text-ui-fg-subtle truncate">
        {variantTitle}
      </Text>
    )}
  </div>
)
