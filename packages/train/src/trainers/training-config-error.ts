/** A bad training configuration found before training starts (the CLI exits with code 2). */
export class TrainingConfigError extends Error {
  override readonly name = 'TrainingConfigError';
}
