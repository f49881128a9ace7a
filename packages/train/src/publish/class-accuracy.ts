/** How often a classifier agrees with the classes images were meant to have, overall and per class. */
export interface ClassAgreement {
  /** Fraction of all images classified as their intended class. */
  accuracy: number;
  /** Per class: fraction of the images of that intended class classified as it (NaN for a class with no images). */
  perClass: number[];
  /** Images per intended class. */
  counts: number[];
}

/** Index of the largest value of each row of `logits` (`rows × classes`, row-major). */
export function argmaxRows(logits: ArrayLike<number>, classes: number): Uint8Array {
  if (!Number.isInteger(classes) || classes < 1 || classes > 256) throw new Error(`class count must be an integer in [1, 256], got ${classes}`);
  if (logits.length % classes !== 0) throw new Error(`${logits.length} logits do not make rows of ${classes} classes`);
  const rows = logits.length / classes;
  const predicted = new Uint8Array(rows);
  for (let row = 0; row < rows; row++) {
    let best = 0;
    for (let c = 1; c < classes; c++) if (logits[row * classes + c]! > logits[row * classes + best]!) best = c;
    predicted[row] = best;
  }
  return predicted;
}

/**
 * Agreement between `predicted` classes (e.g. the evaluation classifier's argmax on reconstructions or on
 * class-conditional samples) and the `intended` ones (the class of the original, or the requested class).
 */
export function classAgreement(predicted: ArrayLike<number>, intended: ArrayLike<number>, classes: number): ClassAgreement {
  if (predicted.length !== intended.length) throw new Error(`got ${predicted.length} predictions for ${intended.length} intended classes`);
  if (intended.length === 0) throw new Error('class agreement of no images is undefined');
  const hits = new Array<number>(classes).fill(0);
  const counts = new Array<number>(classes).fill(0);
  let correct = 0;
  for (let i = 0; i < intended.length; i++) {
    const target = intended[i]!;
    if (!Number.isInteger(target) || target < 0 || target >= classes) throw new Error(`intended class ${target} at index ${i} is not in [0, ${classes})`);
    counts[target]!++;
    if (predicted[i] === target) {
      hits[target]!++;
      correct++;
    }
  }
  return { accuracy: correct / intended.length, perClass: hits.map((hit, c) => (counts[c] === 0 ? NaN : hit / counts[c]!)), counts };
}
