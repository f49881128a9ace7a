/** How a card names a dataset: `MNIST`, `Fashion-MNIST`, or the folder's name. */
export function datasetDisplayName(dataset: string): string {
  if (dataset === 'mnist') return 'MNIST';
  if (dataset === 'fashion-mnist') return 'Fashion-MNIST';
  return dataset.split(/[\\/]/).filter(Boolean).pop() ?? dataset;
}
