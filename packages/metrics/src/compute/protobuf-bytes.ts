/** Protobuf wire format by hand: enough to write small ONNX models without protobufjs. */

export function varint(value: number): number[] {
  const out: number[] = [];
  let rest = value;
  while (rest > 0x7f) {
    out.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 128);
  }
  out.push(rest);
  return out;
}

export function varintField(field: number, value: number): number[] {
  return [...varint(field << 3), ...varint(value)];
}

export function lengthDelimited(field: number, bytes: readonly number[]): number[] {
  return [...varint((field << 3) | 2), ...varint(bytes.length), ...bytes];
}

export function stringField(field: number, text: string): number[] {
  return lengthDelimited(field, [...new TextEncoder().encode(text)]);
}

export function message(field: number, body: readonly number[]): number[] {
  return lengthDelimited(field, body);
}
