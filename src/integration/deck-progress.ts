import { localDate } from '../components/learning/progress-store.ts';
import { emptyProgress, isLastSlide, isRecord, parseProgress, withRead } from '../lib/learning.ts';

/**
 * The script a published deck carries so that a learning path counts it as
 * studied once its last slide was shown (README, Learning paths). The deck is
 * Marp's own page, outside the portal's bundles, so the script carries the
 * portal's progress functions themselves (their compiled source), never a
 * second copy of the storage format. Marp marks the slide on screen with the
 * class bespoke-marp-active.
 */
export function deckProgressScript(storageKey: string, stepKey: string): string {
  const body = `
const isRecord = ${String(isRecord)};
${String(emptyProgress)}
${String(parseProgress)}
${String(withRead)}
${String(isLastSlide)}
${String(localDate)}
const key = ${JSON.stringify(storageKey)};
const step = ${JSON.stringify(stepKey)};
const slides = [...document.querySelectorAll('.bespoke-marp-slide')];
const check = () => {
  const shown = slides.findIndex((slide) => slide.classList.contains('bespoke-marp-active')) + 1;
  if (!isLastSlide(shown, slides.length)) return;
  try {
    const progress = parseProgress(localStorage.getItem(key));
    if (!progress.read[step]) localStorage.setItem(key, JSON.stringify(withRead(progress, step, true, localDate())));
  } catch {
    // Storage may be unavailable (private mode, a policy): progress is then not kept.
  }
};
const observer = new MutationObserver(check);
for (const slide of slides) observer.observe(slide, { attributes: true, attributeFilter: ['class'] });
check();`;
  // "</" never occurs in the functions' source, but a script must not be able to end early whatever they hold.
  return `<script>(() => {${body.replace(/<\//g, '<\\/')}\n})();</script>`;
}
