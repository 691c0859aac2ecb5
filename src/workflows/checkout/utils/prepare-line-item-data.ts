import { isDefined, isPresent, MathBN, MedusaError, PriceListType } from "@medusajs/framework/utils"

/*
 * Medusa's prepareLineItemData / prepareTaxLinesData / prepareAdjustmentsData (core-flows
 * 2.21.2, cart/utils/prepare-line-item-data, not exported), rewritten with the same behaviour:
 * they turn a cart line and its variant into the order line Medusa's completion creates.
 */

export type PrepareLineItemDataInput = {
  item?: any
  variant?: any
  cartId?: string
  unitPrice?: any
  isTaxInclusive?: boolean
  isCustomPrice?: boolean
  taxLines?: any[]
  adjustments?: any[]
}

export function prepareLineItemData(data: PrepareLineItemDataInput) {
  const { item, variant, cartId, taxLines, adjustments, isCustomPrice, unitPrice, isTaxInclusive } = data

  if (variant && !variant.product) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Variant does not have a product")
  }
  if (item && MathBN.lte(item.quantity, 0)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Item quantity must be greater than 0")
  }

  let compareAtUnitPrice = item?.compare_at_unit_price
  const isSalePrice = variant?.calculated_price?.calculated_price?.price_list_type === PriceListType.SALE
  if (
    !isPresent(compareAtUnitPrice) &&
    isSalePrice &&
    !MathBN.eq(variant.calculated_price?.original_amount, variant.calculated_price?.calculated_amount)
  ) {
    compareAtUnitPrice = variant.calculated_price.original_amount
  }

  const hasShippingProfile = isDefined(variant?.product?.shipping_profile?.id)
  const someInventoryRequiresShipping = !!variant?.inventory_items?.some(
    (inventoryItem: any) => !!inventoryItem.inventory?.requires_shipping
  )
  // Any item requiring shipping (or a product with a shipping profile) makes the line need
  // fulfilment, unless the line itself says otherwise.
  const requiresShipping = isDefined(item?.requires_shipping)
    ? item.requires_shipping
    : hasShippingProfile || someInventoryRequiresShipping

  const lineItem: Record<string, any> = {
    quantity: item?.quantity,
    title: item?.title ?? variant?.product?.title,
    subtitle: item?.subtitle ?? variant?.title,
    thumbnail: item?.thumbnail ?? variant?.thumbnail ?? variant?.product?.thumbnail,
    product_id: variant?.product?.id ?? item?.product_id,
    product_title: item?.product_title ?? variant?.product?.title,
    product_description: item?.product_description ?? variant?.product?.description,
    product_subtitle: item?.product_subtitle ?? variant?.product?.subtitle,
    product_type: item?.product_type ?? variant?.product?.type?.value ?? null,
    product_type_id: item?.product_type_id ?? variant?.product?.type?.id ?? null,
    product_collection: item?.product_collection ?? variant?.product?.collection?.title ?? null,
    product_handle: item?.product_handle ?? variant?.product?.handle,
    variant_id: variant?.id,
    variant_sku: item?.variant_sku ?? variant?.sku,
    variant_barcode: item?.variant_barcode ?? variant?.barcode,
    variant_title: item?.variant_title ?? variant?.title,
    variant_option_values: item?.variant_option_values,
    is_discountable: item?.is_discountable ?? variant?.product?.discountable,
    is_giftcard: variant?.product?.is_giftcard ?? false,
    requires_shipping: requiresShipping,
    unit_price: unitPrice,
    compare_at_unit_price: compareAtUnitPrice,
    is_tax_inclusive: !!isTaxInclusive,
    metadata: item?.metadata ?? {},
  }
  if (isCustomPrice) lineItem.is_custom_price = !!isCustomPrice
  if (taxLines) lineItem.tax_lines = prepareTaxLinesData(taxLines)
  if (adjustments) lineItem.adjustments = prepareAdjustmentsData(adjustments)
  if (cartId) lineItem.cart_id = cartId
  return lineItem
}

export function prepareTaxLinesData(data: any[]) {
  return data.map((d) => ({
    description: d.description,
    tax_rate_id: d.tax_rate_id,
    code: d.code,
    rate: d.rate,
    provider_id: d.provider_id,
    metadata: d.metadata ?? null,
    data: d.data ?? null,
  }))
}

export function prepareAdjustmentsData(data: any[]) {
  return data.map((d) => ({
    code: d.code,
    amount: d.amount,
    description: d.description,
    promotion_id: d.promotion_id,
    provider_id: d.provider_id,
    is_tax_inclusive: d.is_tax_inclusive,
  }))
}
