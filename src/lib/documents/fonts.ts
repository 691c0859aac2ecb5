import { readFileSync } from "fs"
import { createRequire } from "module"
import type { Doc } from "./pdf"

/**
 * DejaVu Sans and DejaVu Sans Bold from the npm package dejavu-fonts-ttf: one TrueType family for
 * Latin (Polish, Czech, Turkish, ...), Greek and Cyrillic names. pdfkit embeds only the glyphs a
 * document uses, so a pick list carries a few kilobytes of font, not the 1.4 MB files.
 */
export const REGULAR = "DejaVuSans"
export const BOLD = "DejaVuSans-Bold"

/** A font as fontkit (pdfkit's font engine) opens it; pdfkit takes it in place of the file. */
type OpenFont = { layout(text: string): unknown; hasGlyphForCodePoint(codePoint: number): boolean }
type FontFile = { name: string; font: OpenFont }

let files: FontFile[] | undefined

/**
 * The fonts, read and opened once per process: opening DejaVu's layout tables costs more than
 * drawing a whole pick list, so every document shares the open fonts (each keeps its own subset).
 * require.resolve finds the package wherever npm put it: in this repo's node_modules in
 * development, in the host app's when the plugin is installed.
 */
function fontFiles(): FontFile[] {
  if (!files) {
    // The fontkit pdfkit itself uses, so the open fonts are the kind pdfkit expects.
    const fontkit = createRequire(require.resolve("pdfkit"))("fontkit") as { create(bytes: Buffer): OpenFont }
    files = [
      [REGULAR, "dejavu-fonts-ttf/ttf/DejaVuSans.ttf"],
      [BOLD, "dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"],
    ].map(([name, file]) => ({ name, font: keepCodePoints(fontkit.create(readFileSync(require.resolve(file)))) }))
  }
  return files
}

type GlyphCache = { getGlyph(id: number, codePoints?: number[]): { codePoints: number[] } }

/**
 * fontkit caches one glyph object per glyph id with the code points of its first request, and
 * pdfkit's text layer (ToUnicode) reads them. Embedding a composite glyph (Ü is U plus a
 * diaeresis) requests its components with no code points, so in a shared font every later
 * document's plain "U" would copy and search as nothing. The first request that knows a
 * glyph's characters fills them in; what is drawn is unchanged.
 */
function keepCodePoints<T>(font: T): T {
  const cache = font as unknown as GlyphCache
  const getGlyph = cache.getGlyph.bind(cache)
  cache.getGlyph = (id, codePoints = []) => {
    const glyph = getGlyph(id, codePoints)
    if (glyph.codePoints.length === 0 && codePoints.length > 0) glyph.codePoints = codePoints
    return glyph
  }
  return font
}

/** Makes REGULAR and BOLD usable in a document. */
export function registerFonts(doc: Doc): void {
  // pdfkit 0.20 takes an open fontkit font where its types only name files and bytes.
  for (const { name, font } of fontFiles()) doc.registerFont(name, font as unknown as Buffer)
}

const covered = new Map<number, boolean>()

/** Whether both fonts can draw a character, so a name prints the same in bold and regular. */
export function fontsCover(codePoint: number): boolean {
  let known = covered.get(codePoint)
  if (known === undefined) {
    known = fontFiles().every(({ font }) => font.hasGlyphForCodePoint(codePoint))
    covered.set(codePoint, known)
  }
  return known
}
