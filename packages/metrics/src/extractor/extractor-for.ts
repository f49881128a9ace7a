import { GenzooError } from '@genzoo/core';

/** The feature extractor of each dataset: the shipped classifier trained on it. */
export const EXTRACTORS: Readonly<Record<string, string>> = {
  mnist: 'classifier-mnist',
  'fashion-mnist': 'classifier-fashion',
};

/** Id of the classifier whose features evaluate models of `dataset`. */
export function extractorFor(dataset: string): string {
  const id = EXTRACTORS[dataset];
  if (!id) throw new GenzooError(`no feature extractor for dataset "${dataset}" (known: ${Object.keys(EXTRACTORS).join(', ')})`, 'E_EXTRACTOR');
  return id;
}
