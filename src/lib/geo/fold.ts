/**
 * A place name as a lookup key: lower case, accents and punctuation gone, so that
 * "'s-Gravenhage", "s Gravenhage" and "S-GRAVENHAGE" meet, as do "Zürich" and "Zurich",
 * "Kraków" and "Krakow", "Αθήνα" and "αθηνα". Letters that NFD does not split (ß, ø, æ, ł...)
 * get the spelling people type on a keyboard without them.
 */
export function foldPlaceName(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[ßøæœłđðþı]/g, (letter) => letterSpellings[letter])
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
}

const letterSpellings: Record<string, string> = {
  ß: "ss",
  ø: "o",
  æ: "ae",
  œ: "oe",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
}
