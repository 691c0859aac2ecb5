import { useEffect, useState } from "react"

/** `value`, once it has stopped changing for `ms`; used so typing does not ask the server per key. */
export const useDebounced = <T,>(value: T, ms: number): T => {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return settled
}
