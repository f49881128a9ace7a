import { readStudyJson } from './study-result.js';
import type { StudyRow } from './study-summary.js';

/** The snapshot strip a report showed: which run, at which steps. */
export interface StudyStrip {
  config: string;
  seed: number;
  steps: number[];
}

/** What a study's `results.json` holds. */
export interface StudyReport {
  dataset: string;
  rows: StudyRow[];
  strip?: StudyStrip;
}

/**
 * The report already in a results folder, or undefined when there is none. A sweep whose per-seed files are gone
 * (trained on a machine that was given back before they were committed) keeps its rows through it.
 */
export function readEarlierReport(path: string): StudyReport | undefined {
  return readStudyJson<StudyReport>(path, 'study report', (report) => {
    if (!Array.isArray(report.rows)) throw new Error('no rows');
  });
}
