import { OnnxDataType } from './data-type.js';
import type { TensorProtoObject } from './onnx-proto.js';
import type { TensorData } from '../ir/types.js';

const littleEndianHost = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Little-endian bytes of typed tensor data, as TensorProto.raw_data wants them. */
export function toRawData(data: TensorData): Uint8Array {
  if (littleEndianHost) return new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
  const out = new Uint8Array(data.byteLength);
  const view = new DataView(out.buffer);
  const width = data.BYTES_PER_ELEMENT;
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    if (data instanceof Float32Array) view.setFloat32(i * width, v as number, true);
    else if (data instanceof Uint16Array) view.setUint16(i * width, v as number, true);
    else if (data instanceof Int32Array) view.setInt32(i * width, v as number, true);
    else view.setBigInt64(i * width, v as bigint, true);
  }
  return out;
}

/** Reads the values of a decoded TensorProto as numbers (float16 is widened to float). */
export function readTensorValues(tensor: TensorProtoObject): number[] {
  const type = tensor.data_type;
  const raw = tensor.raw_data;
  if (raw && raw.length > 0) {
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    const values: number[] = [];
    switch (type) {
      case OnnxDataType.FLOAT:
        for (let i = 0; i < raw.length; i += 4) values.push(view.getFloat32(i, true));
        return values;
      case OnnxDataType.FLOAT16:
        for (let i = 0; i < raw.length; i += 2) values.push(float16BitsToNumber(view.getUint16(i, true)));
        return values;
      case OnnxDataType.INT32:
        for (let i = 0; i < raw.length; i += 4) values.push(view.getInt32(i, true));
        return values;
      case OnnxDataType.INT64:
        for (let i = 0; i < raw.length; i += 8) values.push(Number(view.getBigInt64(i, true)));
        return values;
      default:
        throw new Error(`tensor '${tensor.name ?? ''}' has unsupported data_type ${String(type)}`);
    }
  }
  return tensor.float_data ?? tensor.int32_data ?? tensor.int64_data ?? [];
}

/** Converts IEEE half-precision bits to a number. */
export function float16BitsToNumber(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 0x1f) return fraction ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** Rounds a float to IEEE half precision (round to nearest even) and returns its bits. */
export function numberToFloat16Bits(value: number): number {
  f32[0] = value;
  const x = u32[0]!;
  const sign = (x >>> 16) & 0x8000;
  const exponent = (x >>> 23) & 0xff;
  let mantissa = x & 0x7fffff;
  if (exponent === 0xff) return sign | 0x7c00 | (mantissa ? 0x200 : 0);
  const e = exponent - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    mantissa |= 0x800000;
    const shift = 14 - e;
    let half = mantissa >> shift;
    const rest = mantissa & ((1 << shift) - 1);
    const halfway = 1 << (shift - 1);
    if (rest > halfway || (rest === halfway && half & 1)) half++;
    return sign | half;
  }
  let half = (e << 10) | (mantissa >> 13);
  const rest = mantissa & 0x1fff;
  if (rest > 0x1000 || (rest === 0x1000 && half & 1)) half++;
  return sign | half;
}
