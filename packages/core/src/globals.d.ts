// Web-standard globals that Node (>= 18) and every browser provide; core uses them without DOM or Node typings.
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string);
  decode(input?: Uint8Array): string;
}
