#!/usr/bin/env node
// Drives sigstore-js (@sigstore/sign 5.1.0 + @sigstore/verify 4.1.3) against a Hallmark log.
//
//   node sigstore-js-client.js <request.json>
//
// request.json:
//   mode             "message" (hashedrekord) | "dsse" | "intoto"
//   rekorURL         base URL of the log (no trailing slash)
//   majorApiVersion  1 (Rekor v1 REST) or 2 (Rekor v2)
//   trustedRoot      path of a trusted_root.json listing the log
//   privateKey       path of a PKCS#8 PEM ECDSA P-256 key
//   certificate      path of a PEM certificate for that key (sign with x509Certificate material),
//                    or absent to sign with the bare public key (managed-key signing)
//   data             the artifact / DSSE payload, UTF-8
//   payloadType      DSSE payload type (dsse/intoto)
//   bundleOut        where to write the bundle JSON
//   submitTwice      upload the same signed content again: v1 answers 409 + Location and the
//                    witness fetches the existing entry; v2 must answer with the same entry
//
// Prints one JSON object on stdout: {ok, kindVersion, logIndex, checks: [...]} or
// {ok: false, stage, code, message}. Every check is one the real verifier makes; "verifier" is the
// full @sigstore/verify Verifier (SET as the timestamp, inclusion proof + checkpoint, body,
// signature, key); v2 entries (no SET, so no timestamp without a TSA) get the tlog checks only.
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const sign = require('@sigstore/sign');
const { bundleToJSON, bundleFromJSON } = require('@sigstore/bundle');
const { TrustedRoot } = require('@sigstore/protobuf-specs');
const { Verifier, toSignedEntity, toTrustMaterial } = require('@sigstore/verify');
const tlog = require('@sigstore/verify/dist/tlog');

const KEY_HINT = 'hallmark-client-test-key';

class KeySigner {
  constructor(privateKey, keyMaterial) {
    this.privateKey = privateKey;
    this.keyMaterial = keyMaterial;
  }

  // Signs each distinct input once, so that a second upload is byte-identical (ECDSA is randomized)
  async sign(data) {
    const k = data.toString('hex');
    this.cache = this.cache || new Map();
    if (!this.cache.has(k)) {
      this.cache.set(k, crypto.sign('sha256', data, this.privateKey));
    }
    return { signature: this.cache.get(k), key: this.keyMaterial };
  }
}

function keyMaterial(req, privateKey) {
  if (req.certificate) {
    return { $case: 'x509Certificate', certificate: fs.readFileSync(req.certificate, 'utf8') };
  }
  const spkiPem = crypto.createPublicKey(privateKey).export({ type: 'spki', format: 'pem' });
  return { $case: 'publicKey', publicKey: spkiPem, hint: KEY_HINT };
}

function builder(req, signer) {
  const witness = new sign.RekorWitness({
    rekorBaseURL: req.rekorURL,
    majorApiVersion: req.majorApiVersion,
    entryType: req.mode === 'intoto' ? 'intoto' : 'dsse',
    // sigstore-js defaults otherwise (timeout 5 s, 2 retries); RekorWitness fetches on 409
  });
  const options = { signer, witnesses: [witness] };
  if (req.mode === 'message') {
    return new sign.MessageSignatureBundleBuilder(options);
  }
  // what sigstore's attest() does with legacyCompatibility: intoto entry + certificate chain
  return new sign.DSSEBundleBuilder({ ...options, certificateChain: req.mode === 'intoto' });
}

function trustMaterial(rootJSON, publicKeyDer, replaceLogKeys) {
  const json = JSON.parse(JSON.stringify(rootJSON));
  if (replaceLogKeys) {
    const other = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
    const otherDer = other.export({ type: 'spki', format: 'der' }).toString('base64');
    json.tlogs.forEach((t) => {
      t.publicKey.rawBytes = otherDer;
      t.publicKey.keyDetails = 'PKIX_ECDSA_P256_SHA_256';
    });
  }
  const keys = {
    [KEY_HINT]: {
      rawBytes: publicKeyDer,
      keyDetails: 'PKIX_ECDSA_P256_SHA_256',
      validFor: { start: new Date(0) },
    },
  };
  return toTrustMaterial(TrustedRoot.fromJSON(json), keys);
}

function signedEntity(bundle, req) {
  const data = Buffer.from(req.data, 'utf8');
  return toSignedEntity(bundle, req.mode === 'message' ? data : undefined);
}

function expectFailure(fn) {
  try {
    fn();
  } catch (e) {
    return e.code || e.name;
  }
  throw Object.assign(new Error('verification succeeded under the wrong log key'), {
    code: 'NEGATIVE_CONTROL_PASSED',
  });
}

async function main() {
  const req = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const privateKey = crypto.createPrivateKey(fs.readFileSync(req.privateKey, 'utf8'));
  const publicKeyDer = crypto.createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  const rootJSON = JSON.parse(fs.readFileSync(req.trustedRoot, 'utf8'));
  const checks = [];
  let stage = 'sign';
  try {
    const signer = new KeySigner(privateKey, keyMaterial(req, privateKey));
    const built = await builder(req, signer).create({
      data: Buffer.from(req.data, 'utf8'),
      type: req.payloadType,
    });
    checks.push('created');
    if (req.submitTwice) {
      const again = await builder(req, signer).create({
        data: Buffer.from(req.data, 'utf8'),
        type: req.payloadType,
      });
      const a = bundleToJSON(built).verificationMaterial.tlogEntries[0];
      const b = bundleToJSON(again).verificationMaterial.tlogEntries[0];
      if (a.logIndex !== b.logIndex || a.canonicalizedBody !== b.canonicalizedBody) {
        throw Object.assign(
          new Error(`second upload gave another entry: index ${a.logIndex} then ${b.logIndex}`),
          { code: 'DUPLICATE_ENTRY' },
        );
      }
      checks.push('resubmitted-same-entry');
    }

    stage = 'bundle';
    const json = bundleToJSON(built);
    fs.writeFileSync(req.bundleOut, JSON.stringify(json, null, 2) + '\n');
    const bundle = bundleFromJSON(json); // schema validation as a verifier reads it
    checks.push('bundle-schema');

    stage = 'verify';
    const tm = trustMaterial(rootJSON, publicKeyDer, false);
    const entity = signedEntity(bundle, req);
    for (const entry of entity.tlogEntries) {
      tlog.verifyTLogInclusion(entry, tm.tlogs); // SET if present, checkpoint + Merkle proof
      tlog.verifyTLogBody(entry, entity.signature);
    }
    checks.push('tlog-inclusion', 'tlog-body');
    // the full Verifier needs a timestamp (v1: the SET) and, for a certificate, a CA: keys only
    if (req.majorApiVersion === 1 && !req.certificate) {
      new Verifier(tm, { tlogThreshold: 1, ctlogThreshold: 0, timestampThreshold: 1 }).verify(
        entity,
      );
      checks.push('verifier');
    }

    stage = 'negative-control';
    const wrong = trustMaterial(rootJSON, publicKeyDer, true);
    const code = expectFailure(() =>
      entity.tlogEntries.forEach((entry) => tlog.verifyTLogInclusion(entry, wrong.tlogs)),
    );
    checks.push('rejects-wrong-log-key:' + code);

    const entry = json.verificationMaterial.tlogEntries[0];
    console.log(
      JSON.stringify({
        ok: true,
        kindVersion: entry.kindVersion,
        logIndex: entry.logIndex,
        hasInclusionPromise: entry.inclusionPromise !== undefined,
        checks,
      }),
    );
  } catch (e) {
    console.log(
      JSON.stringify({
        ok: false,
        stage,
        checks,
        code: e.code || e.name,
        message: String(e.message) + (e.cause ? ' (cause: ' + e.cause.message + ')' : ''),
      }),
    );
    process.exitCode = 1;
  }
}

main();
