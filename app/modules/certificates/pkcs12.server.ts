import { createHash, createPrivateKey, createPublicKey, X509Certificate, type KeyObject } from "node:crypto";
import forge from "node-forge";

// Reading a PKCS#12 file (what Vietnamese CAs hand out, .p12/.pfx) and making the demo units' self-issued
// certificates. node-forge is used for PKCS#12 and for issuing a certificate, which Node's crypto cannot do; the
// key pair itself is made by Node (OpenSSL), and signing never goes through forge (cms.server.ts).

/** What a certificate row records, plus the private key as PKCS#8 PEM for the key file. */
export type CertificateBundle = {
  subject: string;
  subjectDn: string;
  issuerDn: string;
  serial: string;
  validFrom: Date;
  validTo: Date;
  fingerprint: string;
  /** The signing certificate first, then its issuers. */
  chain: X509Certificate[];
  keyPem: string;
};

/** Why a file was refused, as the message key shown beside its field. */
export type Pkcs12Problem = "unreadable" | "passphrase" | "noKey" | "noCertificate";

export class Pkcs12Error extends Error {
  constructor(readonly problem: Pkcs12Problem) {
    super(`PKCS#12: ${problem}`);
  }
}

const cn = (dn: string) => /(?:^|\n)CN=([^\n]*)/.exec(dn)?.[1]?.trim() ?? dn.split("\n")[0] ?? dn;
const oneLine = (dn: string) => dn.split("\n").join(", ");

/** The facts of a key and its chain, checked to belong together. */
export function bundleOf(key: KeyObject, certs: X509Certificate[]): CertificateBundle {
  const pub = createPublicKey(key).export({ type: "spki", format: "der" });
  const leaf = certs.find((c) => c.publicKey.export({ type: "spki", format: "der" }).equals(pub));
  if (!leaf) throw new Pkcs12Error("noCertificate");
  const chain = [leaf, ...certs.filter((c) => c !== leaf)];
  return {
    subject: cn(leaf.subject),
    subjectDn: oneLine(leaf.subject),
    issuerDn: oneLine(leaf.issuer),
    serial: leaf.serialNumber.toLowerCase(),
    validFrom: new Date(leaf.validFrom),
    validTo: new Date(leaf.validTo),
    fingerprint: createHash("sha256").update(leaf.raw).digest("hex"),
    chain,
    keyPem: key.export({ type: "pkcs8", format: "pem" }).toString(),
  };
}

/** Open a PKCS#12 file with its passphrase: its private key and the certificate that matches it (with its issuers). */
export function readPkcs12(bytes: Uint8Array, passphrase: string): CertificateBundle {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(bytes).toString("binary")));
    try {
      p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase);
    } catch (e) {
      // forge says "PKCS#12 MAC could not be verified. Invalid password?" or fails to decrypt a bag.
      throw new Pkcs12Error(/password|mac|decrypt|Invalid/i.test(String(e)) ? "passphrase" : "unreadable");
    }
  } catch (e) {
    if (e instanceof Pkcs12Error) throw e;
    throw new Pkcs12Error("unreadable");
  }
  const bags = (type: string) => p12.getBags({ bagType: type })[type] ?? [];
  const keyBag = [...bags(forge.pki.oids.pkcs8ShroudedKeyBag!), ...bags(forge.pki.oids.keyBag!)].find((b) => b.key);
  if (!keyBag?.key) throw new Pkcs12Error("noKey");
  const certs = bags(forge.pki.oids.certBag!)
    .filter((b) => b.cert)
    .map((b) => new X509Certificate(Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(b.cert!)).getBytes(), "binary")));
  if (!certs.length) throw new Pkcs12Error("noCertificate");
  const key = createPrivateKey(forge.pki.privateKeyToPem(keyBag.key));
  return bundleOf(key, certs);
}

/** Write a bundle as a PKCS#12 file (tests, and anyone who needs the demo certificate as a file). */
export function toPkcs12(bundle: CertificateBundle, passphrase: string, opts: { algorithm?: "3des" | "aes256" } = {}): Buffer {
  const key = forge.pki.privateKeyFromPem(bundle.keyPem);
  const certs = bundle.chain.map((c) => forge.pki.certificateFromPem(c.toString()));
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, certs, passphrase, { algorithm: opts.algorithm ?? "aes256", friendlyName: bundle.subject });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), "binary");
}

/**
 * A self-issued certificate for a demo unit: RSA 2048, valid `years` from `from`, its subject saying DEMO. It
 * proves the signing path end to end and nothing else: no CA vouches for it, and the pages and PDFs say so.
 */
export function demoCertificate(unitName: string, from: Date, years = 5): CertificateBundle {
  const { privateKey } = forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(privateKey.n, privateKey.e);
  cert.serialNumber = `01${createHash("sha256").update(`${unitName}|${from.toISOString()}`).digest("hex").slice(0, 30)}`;
  cert.validity.notBefore = from;
  cert.validity.notAfter = new Date(Date.UTC(from.getUTCFullYear() + years, from.getUTCMonth(), from.getUTCDate()));
  // UTF8String: forge encodes the value itself for this tag (its default, PrintableString, would mangle Vietnamese).
  // why the cast: @types/node-forge types valueTagClass as a tag class, but forge reads it as the value's tag (type).
  const utf8 = (value: string) => ({ value, valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class });
  const name = [
    { name: "commonName", ...utf8(`${unitName} (DEMO)`) },
    { name: "organizationName", ...utf8(`${unitName} - DEMO, không có giá trị pháp lý`) },
    { name: "countryName", value: "VN" },
  ];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: "basicConstraints", cA: false },
    { name: "keyUsage", digitalSignature: true, nonRepudiation: true },
  ]);
  cert.sign(privateKey, forge.md.sha256.create());
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), "binary");
  return bundleOf(createPrivateKey(forge.pki.privateKeyToPem(privateKey)), [new X509Certificate(der)]);
}
