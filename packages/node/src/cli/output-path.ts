import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '@genzoo/core';
import { describeFsError } from '../fs-errors.js';
import { OutputError } from '../png.js';

/**
 * Checks before any work is done that `given` names a `.png` file that can be written: its folder
 * exists and is writable, and it is not itself a folder.
 * @returns the absolute path.
 */
export async function checkPngOutput(given: string, cwd: string): Promise<string> {
  if (path.extname(given).toLowerCase() !== '.png') throw new InputError(`output must be a .png file, got ${JSON.stringify(given)}`);
  const full = path.resolve(cwd, given);
  const existing = await stat(full).catch(() => undefined);
  if (existing?.isDirectory()) throw new OutputError(`cannot write ${given}: it is a folder`);
  const folder = path.dirname(full);
  try {
    const folderStat = await stat(folder);
    if (!folderStat.isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    await access(existing ? full : folder, constants.W_OK);
  } catch (error) {
    throw new OutputError(`cannot write ${given}: ${existing ? '' : `folder ${path.dirname(given) || '.'}: `}${describeFsError(error)}`);
  }
  return full;
}
