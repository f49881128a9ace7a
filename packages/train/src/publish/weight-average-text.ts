import type { ProfileRun } from './publish-profile.js';

/**
 * `decay 0.999` for a card's sentence on the shipped weight average, with the ramp when the run recorded one. Runs from
 * before the ramp (no `weightAverage` in training.json) averaged from step 0 at the full decay, and their cards say so.
 */
export function averageDecayText(run: ProfileRun, decay: number): string {
  return run.weightAverage?.ramp === true ? `decay ${decay}, ramped in as min(${decay}, (1 + t) / (10 + t)) over the first steps t` : `decay ${decay}`;
}
