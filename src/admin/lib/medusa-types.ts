/**
 * The few fields the OMS pages read from Medusa's own admin API (sales channels, users,
 * shipping options); the plugin's own responses are typed in src/types/<capability>.
 */
export type SalesChannelOption = { id: string; name: string }

export type UserOption = { id: string; email: string; first_name: string | null; last_name: string | null }

export type ShippingOptionChoice = { id: string; name: string; rules?: { attribute: string; value: unknown }[] }

export type ReturnReasonOption = { id: string; value: string; label: string }

export type RegionOption = { id: string; name: string; currency_code: string }
