/** Class of each sample in a grid `columns` wide whose row r shows class r (classes cycle after the last). */
export function classRowLabels(n: number, columns: number, classes: number): number[] {
  return Array.from({ length: n }, (_, index) => Math.floor(index / columns) % classes);
}
