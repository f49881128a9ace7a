/** One reason a layer cannot be converted. */
export interface LayerIssue {
  layerName: string;
  className: string;
  reason: string;
}

/** Thrown once per conversion, listing every unsupported layer or option found in the model. */
export class UnsupportedLayersError extends Error {
  readonly issues: readonly LayerIssue[];

  constructor(modelName: string, issues: LayerIssue[]) {
    const list = issues.map((i) => `${i.layerName} (${i.className}): ${i.reason}`).join('; ');
    super(`cannot convert model '${modelName}' to ONNX: ${issues.length} unsupported layer(s): ${list}`);
    this.name = 'UnsupportedLayersError';
    this.issues = issues;
  }
}
