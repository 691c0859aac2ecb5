import { z } from "@medusajs/framework/zod"
import { MAX_BIN_CODE_LENGTH, MAX_WALK_SEQUENCE } from "../../../../lib/picking"
import { paging } from "../../../utils/paging"

/** GET /admin/oms/bins */
export const AdminListBinsQuery = z
  .object({
    stock_location_id: z.string().min(1).optional(),
    inventory_item_id: z.string().min(1).optional(),
    /** Part of a bin code or SKU (any case). */
    q: z.string().trim().max(100).optional(),
    ...paging({ limit: 50, max: 1000 }),
  })
  .strict()

/** POST /admin/oms/bins: set an item's bin at a location (creates or replaces it). */
export const AdminUpsertBin = z
  .object({
    stock_location_id: z.string().min(1),
    inventory_item_id: z.string().min(1),
    code: z
      .string()
      .trim()
      .min(1, { message: "Field 'code' must not be empty: give a bin code such as A-03-2-B" })
      .max(MAX_BIN_CODE_LENGTH, { message: `Field 'code' must be at most ${MAX_BIN_CODE_LENGTH} characters` }),
    /** A number sets the walk position by hand; null derives it from the code again. */
    walk_sequence: z
      .number()
      .int()
      .min(0, { message: `Field 'walk_sequence' must be a whole number from 0 to ${MAX_WALK_SEQUENCE}, or null` })
      .max(MAX_WALK_SEQUENCE, { message: `Field 'walk_sequence' must be a whole number from 0 to ${MAX_WALK_SEQUENCE}, or null` })
      .nullable()
      .optional(),
  })
  .strict()

/** POST /admin/oms/bins/import */
export const AdminImportBins = z
  .object({
    csv: z
      .string()
      .min(1, { message: "Field 'csv' must not be empty: give the file's text with a header line" })
      .max(5_000_000, { message: "Field 'csv' is larger than 5 MB: split the file" }),
  })
  .strict()

/** GET /admin/oms/bins/export.csv */
export const AdminExportBinsQuery = z.object({ stock_location_id: z.string().min(1).optional() }).strict()

export type AdminListBinsQueryType = z.infer<typeof AdminListBinsQuery>
export type AdminUpsertBinType = z.infer<typeof AdminUpsertBin>
export type AdminImportBinsType = z.infer<typeof AdminImportBins>
export type AdminExportBinsQueryType = z.infer<typeof AdminExportBinsQuery>
