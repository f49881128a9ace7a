import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { GenzooError, InputError, type ModelSource } from '@genzoo/core';
import { describeFsError } from './fs-errors.js';

/** A file of a model folder that could not be read; the message names the path. */
export class ModelFileError extends GenzooError {
  constructor(message: string) {
    super(message, 'E_MODEL_FILE');
  }
}

/** Core's {@link ModelSource} over a model folder on disk; every path stays inside the folder. */
export class FolderSource implements ModelSource {
  /** The folder as given, for messages. */
  readonly location: string;
  private readonly root: string;

  constructor(folder: string) {
    this.location = path.normalize(folder).replace(/[\\/]+$/, '') || folder;
    this.root = path.resolve(folder);
  }

  async readText(file: string): Promise<string> {
    return (await this.read(file)).toString('utf8');
  }

  async readBytes(file: string): Promise<Uint8Array> {
    const buffer = await this.read(file);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }

  /** Absolute path of `file`. @throws InputError if it would leave the folder. */
  pathOf(file: string): string {
    const full = path.resolve(this.root, file);
    const relative = path.relative(this.root, full);
    if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) {
      throw new InputError(`"${file}" is not a file inside the model folder ${this.location}`);
    }
    return full;
  }

  private async read(file: string): Promise<Buffer> {
    const full = this.pathOf(file);
    try {
      return await readFile(full);
    } catch (error) {
      throw new ModelFileError(`cannot read ${path.join(this.location, file)}: ${describeFsError(error)}`);
    }
  }
}
