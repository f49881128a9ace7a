/** A published result on one benchmark; absent figures were not reported in the cited table. */
export interface PublishedRow {
  method: string;
  source: string;
  modesCaptured: number;
  /** Percent. */
  highQuality: number;
  reverseKl?: number;
}

/**
 * The published rows issue #7 compares against: the best rows of PacGAN's Table (Lin et al. 2018) and
 * VEEGAN's own table (Srivastava et al. 2017). Other rows of those tables are not transcribed here;
 * add them from the papers, not from memory.
 */
export const PUBLISHED_ROWS: Readonly<Record<string, readonly PublishedRow[]>> = {
  ring: [
    { method: 'PacGAN2', source: 'Lin et al. 2018', modesCaptured: 7.9, highQuality: 95.6, reverseKl: 0.07 },
    { method: 'VEEGAN', source: 'Srivastava et al. 2017', modesCaptured: 8, highQuality: 52.9 },
  ],
  grid: [
    { method: 'PacGAN4', source: 'Lin et al. 2018', modesCaptured: 24.8, highQuality: 93.6, reverseKl: 0.04 },
    { method: 'VEEGAN', source: 'Srivastava et al. 2017', modesCaptured: 24.6, highQuality: 40 },
  ],
};
