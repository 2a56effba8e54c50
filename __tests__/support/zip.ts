import { inflateRawSync } from 'zlib';

/** The files of a zip, read back through its local headers and inflated. */
export function readZip(zip: Buffer): Record<string, string> {
  const files: Record<string, string> = {};
  let at = 0;
  while (zip.readUInt32LE(at) === 0x04034b50) {
    const size = zip.readUInt32LE(at + 18);
    const nameLength = zip.readUInt16LE(at + 26);
    const name = zip.subarray(at + 30, at + 30 + nameLength).toString('utf8');
    const start = at + 30 + nameLength + zip.readUInt16LE(at + 28);
    files[name] = inflateRawSync(zip.subarray(start, start + size)).toString('utf8');
    at = start + size;
  }
  return files;
}
