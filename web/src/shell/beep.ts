/** A short two-tone beep through Web Audio, for new alerts: no sound file to ship or fetch. */

let context: AudioContext | null = null;

/** Plays the beep; silently does nothing where audio is unavailable or not yet allowed by the browser. */
export function beep(): void {
  try {
    context ??= new AudioContext();
    if (context.state === 'suspended') void context.resume().catch(() => undefined);
    const start = context.currentTime;
    [880, 660].forEach((frequency, index) => {
      if (!context) return;
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.15, start + index * 0.18);
      gain.gain.exponentialRampToValueAtTime(0.001, start + index * 0.18 + 0.16);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start + index * 0.18);
      oscillator.stop(start + index * 0.18 + 0.17);
    });
  } catch {
    // No audio: the badge and the notice still show the alert.
  }
}
