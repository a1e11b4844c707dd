#!/usr/bin/env node
// Keyless signing with sigstore-js 5 (high-level `sigstore` 5.0.1 API) against a Hallmark server:
// an ID token from Hallmark's built-in OIDC issuer, a certificate from Hallmark's Fulcio REST CA
// (embedded SCT from Hallmark's CT log), a Rekor v1 entry; then @sigstore/verify's full Verifier
// (chain, SCT, SET, inclusion proof + checkpoint, signature, identity policy) against one or more
// trusted roots.
//
//   node sigstore-js-keyless.js <request.json>
//
// request.json:
//   mode           "sign" (sigstore.sign: message signature) | "attest" (sigstore.attest: DSSE)
//   oidcIssuerURL  the built-in issuer (token from POST <url>/token {"email": ...}), or the
//                  issuer of identityToken
//   identityToken  optional: an ID token to use as is (e.g. from an external provider) instead of
//                  asking the built-in issuer
//   email          identity to ask for
//   fulcioURL      Hallmark CA base URL
//   rekorURL       Hallmark Rekor v1 base URL
//   tsaServerURL   optional: Hallmark TSA base URL; sigstore-js then adds an RFC 3161 timestamp
//                  over the signature (POST <url>/api/v1/timestamp, JSON form)
//   tlogUpload     optional, default true: false signs without a Rekor entry (then the TSA's
//                  timestamp is the only proof of time, and verification needs no tlog entry)
//   data           the artifact (sign) or the DSSE payload (attest), UTF-8
//   payloadType    DSSE payload type (attest)
//   bundleOut      where to write the bundle JSON
//   verifications  [{name, trustedRoot, email?, issuer?}]: verify the bundle against each trusted
//                  root with the policy SAN = email (default: the request's), issuer extension =
//                  issuer (default: oidcIssuerURL); each result is reported, pass or fail
//
// Prints one JSON object on stdout: {ok, stage, checks, token: {iss, aud, email, email_verified},
// verifications: {name: {ok, code, message, subjectAlternativeName, issuer}}} or on a failure
// before verification {ok: false, stage, code, message}.
'use strict';

const fs = require('fs');
const sigstore = require('sigstore');
const { bundleFromJSON } = require('@sigstore/bundle');
const { TrustedRoot } = require('@sigstore/protobuf-specs');
const { Verifier, toSignedEntity, toTrustMaterial } = require('@sigstore/verify');

async function idToken(issuerURL, email) {
  const res = await fetch(`${issuerURL}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  const text = await res.text();
  if (res.status !== 200) {
    throw Object.assign(new Error(`POST ${issuerURL}/token: HTTP ${res.status}: ${text}`), {
      code: 'TOKEN_HTTP_' + res.status,
    });
  }
  return JSON.parse(text).id_token;
}

function claims(jwt) {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
}

function verifyAgainst(bundleJSON, req, v) {
  const policy = {
    subjectAlternativeName: v.email ?? req.email,
    extensions: { issuer: v.issuer ?? req.oidcIssuerURL },
  };
  try {
    const root = TrustedRoot.fromJSON(JSON.parse(fs.readFileSync(v.trustedRoot, 'utf8')));
    const tlog = req.tlogUpload !== false;
    const verifier = new Verifier(toTrustMaterial(root), {
      ctlogThreshold: 1,
      tlogThreshold: tlog ? 1 : 0,
      // the Rekor v1 SET, and/or the TSA's RFC 3161 timestamp
      timestampThreshold: (tlog ? 1 : 0) + (req.tsaServerURL ? 1 : 0),
    });
    const data = req.mode === 'sign' ? Buffer.from(req.data, 'utf8') : undefined;
    const signer = verifier.verify(toSignedEntity(bundleFromJSON(bundleJSON), data), policy);
    return {
      ok: true,
      subjectAlternativeName: signer.identity?.subjectAlternativeName,
      issuer: signer.identity?.extensions?.issuer,
    };
  } catch (e) {
    return {
      ok: false,
      code: e.code || e.name,
      message: String(e.message) + (e.cause ? ' (cause: ' + e.cause.message + ')' : ''),
    };
  }
}

async function main() {
  const req = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const checks = [];
  let stage = 'token';
  try {
    const token = req.identityToken ?? (await idToken(req.oidcIssuerURL, req.email));
    const c = claims(token);
    checks.push('token');

    stage = req.mode;
    const options = {
      fulcioURL: req.fulcioURL,
      rekorURL: req.rekorURL,
      identityToken: token,
      tlogUpload: req.tlogUpload !== false,
      timeout: 30000,
    };
    if (req.tsaServerURL) {
      options.tsaServerURL = req.tsaServerURL;
    }
    const data = Buffer.from(req.data, 'utf8');
    const bundle =
      req.mode === 'sign'
        ? await sigstore.sign(data, options)
        : await sigstore.attest(data, req.payloadType, options);
    fs.writeFileSync(req.bundleOut, JSON.stringify(bundle, null, 2) + '\n');
    checks.push(req.mode);

    stage = 'verify';
    const verifications = {};
    for (const v of req.verifications || []) {
      verifications[v.name] = verifyAgainst(bundle, req, v);
    }
    const entry = (bundle.verificationMaterial.tlogEntries || [])[0];
    console.log(
      JSON.stringify({
        ok: true,
        checks,
        token: { iss: c.iss, aud: c.aud, email: c.email, email_verified: c.email_verified },
        mediaType: bundle.mediaType,
        kindVersion: entry ? entry.kindVersion : null,
        rfc3161Timestamps: (bundle.verificationMaterial.timestampVerificationData
          ?.rfc3161Timestamps || []).length,
        verifications,
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
