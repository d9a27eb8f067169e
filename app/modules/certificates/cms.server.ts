import { createHash, sign as cryptoSign, type KeyObject } from "node:crypto";

// A CAdES detached signature (CMS SignedData, RFC 5652) for a PDF's signed byte ranges, as PAdES baseline B-B asks
// (ETSI EN 319 142-1): signed attributes content-type, message-digest and signing-certificate-v2, no signing-time
// attribute (the signing time is the signature dictionary's /M). Written with Node's crypto and a few lines of
// DER instead of node-forge: forge cannot add signing-certificate-v2, and its RSA in JavaScript is about a hundred
// times slower than OpenSSL's, which a monthly run over every commune would feel.

function len(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}
function tlv(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), len(body.length), body]);
}
const seq = (...c: Buffer[]) => tlv(0x30, ...c);
const set = (...c: Buffer[]) => tlv(0x31, ...[...c].sort(Buffer.compare)); // DER: SET OF sorted by encoding
const octets = (b: Buffer) => tlv(0x04, b);
const int = (n: number) => tlv(0x02, Buffer.from([n]));
const NULL = Buffer.from([0x05, 0x00]);
function oid(dotted: string): Buffer {
  const [a, b, ...rest] = dotted.split(".").map(Number) as [number, number, ...number[]];
  const out = [40 * a + b];
  for (const v of rest) {
    const groups: number[] = [];
    let x = v;
    do {
      groups.unshift(x & 0x7f);
      x = Math.floor(x / 128);
    } while (x > 0);
    groups.forEach((g, i) => out.push(i < groups.length - 1 ? g | 0x80 : g));
  }
  return tlv(0x06, Buffer.from(out));
}

const OID = {
  data: "1.2.840.113549.1.7.1",
  signedData: "1.2.840.113549.1.7.2",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingCertificateV2: "1.2.840.113549.1.9.16.2.47",
  sha256: "2.16.840.1.101.3.4.2.1",
  rsaEncryption: "1.2.840.113549.1.1.1",
  ecdsaWithSha256: "1.2.840.10045.4.3.2",
};

type Tlv = { tag: number; start: number; header: number; end: number };
/** One DER element at `at`: its tag, where its content starts and where it ends. */
function readTlv(buf: Buffer, at: number): Tlv {
  const tag = buf[at]!;
  let n = buf[at + 1]!;
  let header = 2;
  if (n & 0x80) {
    const k = n & 0x7f;
    n = 0;
    for (let i = 0; i < k; i++) n = n * 256 + buf[at + 2 + i]!;
    header += k;
  }
  return { tag, start: at, header, end: at + header + n };
}
function children(buf: Buffer, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let at = parent.start + parent.header; at < parent.end;) {
    const c = readTlv(buf, at);
    out.push(c);
    at = c.end;
  }
  return out;
}

/** The certificate's issuer Name and serial number exactly as encoded in it (the signer's IssuerAndSerialNumber). */
export function issuerAndSerial(certDer: Buffer): Buffer {
  const cert = readTlv(certDer, 0);
  const tbs = children(certDer, cert)[0]!;
  const fields = children(certDer, tbs);
  const i = fields[0]!.tag === 0xa0 ? 1 : 0; // [0] version is optional
  const serial = fields[i]!;
  const issuer = fields[i + 2]!;
  return seq(certDer.subarray(issuer.start, issuer.end), certDer.subarray(serial.start, serial.end));
}

/**
 * Sign `content` (the PDF without its /Contents value) with `key`; `chain` is the signing certificate first, then
 * its issuers (DER). Returns the DER of a ContentInfo holding the SignedData, ready for the /Contents hex string.
 */
export function cadesDetached(content: Buffer, key: KeyObject, chain: Buffer[]): Buffer {
  const leaf = chain[0];
  if (!leaf) throw new Error("no certificate to sign with");
  const sha256 = (b: Buffer) => createHash("sha256").update(b).digest();
  const attr = (type: string, value: Buffer) => seq(oid(type), set(value));
  const attrs = [
    attr(OID.contentType, oid(OID.data)),
    attr(OID.messageDigest, octets(sha256(content))),
    // SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }; ESSCertIDv2 with the default hash (SHA-256).
    attr(OID.signingCertificateV2, seq(seq(seq(octets(sha256(leaf)))))),
  ];
  const signedAttrs = set(...attrs);
  const ec = key.asymmetricKeyType === "ec";
  const signature = cryptoSign("sha256", signedAttrs, key);
  const sha256Alg = seq(oid(OID.sha256), NULL);
  const signerInfo = seq(
    int(1),
    issuerAndSerial(leaf),
    sha256Alg,
    Buffer.concat([Buffer.from([0xa0]), signedAttrs.subarray(1)]), // [0] IMPLICIT: same content, context tag
    ec ? seq(oid(OID.ecdsaWithSha256)) : seq(oid(OID.rsaEncryption), NULL),
    octets(signature),
  );
  const signedData = seq(int(1), set(sha256Alg), seq(oid(OID.data)), tlv(0xa0, ...chain), set(signerInfo));
  return seq(oid(OID.signedData), tlv(0xa0, signedData));
}
