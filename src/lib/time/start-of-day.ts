/**
 * The instant "today" began in a time zone, e.g. the start of the day used for
 * "orders placed today" and daily capacity. Works across DST changes by correcting
 * the guess with the zone's offset at the guessed instant.
 */
export function startOfDay(now: Date, timeZone: string): Date {
  const { year, month, day } = localParts(now, timeZone)
  const midnightAsUtc = Date.UTC(year, month - 1, day)
  let guess = midnightAsUtc - offsetMs(new Date(midnightAsUtc), timeZone)
  // A second pass settles days on which the offset changes between midnight UTC and local.
  guess = midnightAsUtc - offsetMs(new Date(guess), timeZone)
  return new Date(guess)
}

function localParts(at: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at)
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
    second: get("second"),
  }
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
function offsetMs(at: Date, timeZone: string): number {
  const p = localParts(at, timeZone)
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second)
  return asUtc - Math.floor(at.getTime() / 1000) * 1000
}
