/** How a card names a dataset: `MNIST`, `Fashion-MNIST`, or the folder's name. */
export function datasetDisplayName(dataset: string): string {
  if (dataset === 'mnist') return 'MNIST';
  if (dataset === 'fashion-mnist') return 'Fashion-MNIST';
  return dataset.split(/[\\/]/).filter(Boolean).pop() ?? dataset;
}

/** What one image of a dataset shows, for a card's prose: `digit`, `garment`, or `image`. */
export function datasetSubject(dataset: string): string {
  if (dataset === 'mnist') return 'digit';
  if (dataset === 'fashion-mnist') return 'garment';
  return 'image';
}

/** The artefacts a small GAN's samples of a dataset typically show, for a card's list of weaknesses. */
export function ganArtefacts(dataset: string): string {
  if (dataset === 'mnist') return 'broken or doubled strokes';
  if (dataset === 'fashion-mnist') return 'smeared edges, doubled outlines and blotchy texture';
  return 'smeared or doubled shapes';
}
