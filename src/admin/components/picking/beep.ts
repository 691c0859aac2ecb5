let audio: AudioContext | null = null

/**
 * A short low tone for a refused scan, so the person at the shelf hears it without looking.
 * Browsers without Web Audio (or that block it) stay silent; the red banner says it anyway.
 */
export const errorBeep = () => {
  try {
    const Context = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext
    if (!Context) return
    audio = audio ?? new Context()
    const oscillator = audio.createOscillator()
    const gain = audio.createGain()
    oscillator.type = "square"
    oscillator.frequency.value = 220
    gain.gain.value = 0.08
    oscillator.connect(gain).connect(audio.destination)
    oscillator.start()
    oscillator.stop(audio.currentTime + 0.18)
  } catch {
    // no sound is fine
  }
}
