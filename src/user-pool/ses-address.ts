import { domainToASCII } from 'url';
import { isKnown } from '../core/problem';

/**
 * The SES sender's From header, as SES needs it. SES takes the header as written: a display name with a
 * special character (`@`, `,`, `"`, ...) must be a quoted string, and one with non-ASCII characters must be
 * MIME encoded-word syntax (RFC 2047); an internationalised domain must be in punycode, in the address and
 * in the identity ARN alike; the local part must be 7-bit ASCII (SES developer guide, "Email format in
 * Amazon SES": "the local part ... can only contain 7-bit ASCII characters", "the sender name ... must be
 * encoded using MIME encoded-word syntax" when not ASCII).
 */

/** RFC 5322 `atext` and spaces: a display name of these alone needs no quoting. */
const PLAIN_NAME = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~ ]+$/;
/** Printable ASCII (with space). */
const ASCII = /^[\x20-\x7e]*$/;

/** `local@domain` split at the last `@`; undefined parts when there is none. */
export function splitAddress(address: string): { local: string; domain: string } | undefined {
  const at = address.lastIndexOf('@');
  return at <= 0 || at === address.length - 1 ? undefined : { local: address.slice(0, at), domain: address.slice(at + 1) };
}

/** A domain in its ASCII (punycode) form, lower-case; undefined when it is not a valid domain name. */
export function asciiDomain(domain: string): string | undefined {
  const ascii = domainToASCII(domain);
  return ascii === '' ? undefined : ascii.toLowerCase();
}

/** The address with its domain in punycode (as it is when it cannot be converted: the rules report it). */
export function asciiAddress(address: string): string {
  if (!isKnown(address)) return address;
  const parts = splitAddress(address);
  const domain = parts && asciiDomain(parts.domain);
  return parts && domain ? `${parts.local}@${domain}` : address;
}

/** A display name as a header needs it: as is, quoted, or RFC 2047 encoded (UTF-8, base64). */
export function encodeDisplayName(name: string): string {
  if (!isKnown(name) || PLAIN_NAME.test(name)) return name;
  if (ASCII.test(name)) return `"${name.replace(/(["\\])/g, '\\$1')}"`;
  // An encoded word is at most 75 characters (RFC 2047 §2): 45 bytes of UTF-8 each, split between characters.
  const words: string[] = [''];
  for (const char of name) {
    if (Buffer.byteLength(words[words.length - 1] + char, 'utf8') > 45) words.push('');
    words[words.length - 1] += char;
  }
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join(' ');
}

/** Whether the local part of an address is 7-bit ASCII, as SES requires. */
export function hasAsciiLocalPart(address: string): boolean {
  const parts = splitAddress(address);
  return parts === undefined || /^[\x21-\x7e]+$/.test(parts.local);
}

/** Whether `domain` (ASCII form) is `parent` or one of its subdomains. */
export function isWithinDomain(domain: string, parent: string): boolean {
  return domain === parent || domain.endsWith(`.${parent}`);
}
