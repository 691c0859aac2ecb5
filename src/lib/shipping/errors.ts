import type { CarrierCode, CarrierErrorKind, CarrierFailure } from "./contract"

/**
 * What adapters throw. The message is for a person ("Shippo refused the parcel: weight must be
 * more than 0"); `failure` is the same as plain data, for the ledger and for workflow steps.
 */
export class CarrierError extends Error {
  readonly failure: CarrierFailure

  constructor(failure: CarrierFailure) {
    super(failure.message)
    this.name = "CarrierError"
    this.failure = failure
  }

  get kind(): CarrierErrorKind {
    return this.failure.kind
  }

  /** Whether a purchase that failed this way may have happened at the carrier all the same. */
  get outcomeUnknown(): boolean {
    return this.failure.outcome_unknown
  }

  static of(
    carrier: CarrierCode,
    kind: CarrierErrorKind,
    message: string,
    extra: { status?: number | null; outcome_unknown?: boolean } = {}
  ): CarrierError {
    return new CarrierError({
      carrier,
      kind,
      message,
      status: extra.status ?? null,
      outcome_unknown: extra.outcome_unknown ?? false,
    })
  }
}

export function isCarrierError(error: unknown): error is CarrierError {
  return error instanceof CarrierError || (error as { name?: string } | null)?.name === "CarrierError"
}
