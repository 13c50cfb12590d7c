/** Response bytes to text: BOM, declared charsets checked against the bytes, and sniffing. */
export { decodeBody, type CharsetSource, type DecodeOptions, type DecodedBody } from './decode.js';
export { normalizeCharset } from './labels.js';
export { charsetDeclaredInDocument, charsetFromContentType } from './declared.js';
export { sniffCharset } from './sniff.js';
