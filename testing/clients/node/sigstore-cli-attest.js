#!/usr/bin/env node
// `@sigstore/cli` 0.10.3's `sigstore attest FILE --tlog-upload` against a Hallmark server, the
// way a CI job runs it: CI=true and the ID token in SIGSTORE_ID_TOKEN (no interactive login).
//
//   node sigstore-cli-attest.js <request.json>
//
// request.json:
//   file        the in-toto statement to attest
//   fulcioURL   Hallmark CA base URL
//   rekorURL    Hallmark Rekor v1 base URL (the CLI writes an intoto 0.0.2 entry)
//   token       the ID token
//   bundleOut   where the CLI writes the bundle (--output-file)
//
// Prints {ok: true} or {ok: false, code, message} (message: the CLI's stderr).
'use strict';

const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

function main() {
  const req = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const cli = path.join(__dirname, 'node_modules', '@sigstore', 'cli', 'bin', 'run');
  try {
    execFileSync(
      process.execPath,
      [
        cli,
        'attest',
        req.file,
        '--fulcio-url',
        req.fulcioURL,
        '--rekor-url',
        req.rekorURL,
        '--tlog-upload',
        '--timeout',
        '30',
        '--output-file',
        req.bundleOut,
      ],
      {
        env: { ...process.env, CI: 'true', SIGSTORE_ID_TOKEN: req.token },
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 60000,
      },
    );
    console.log(JSON.stringify({ ok: true }));
  } catch (e) {
    console.log(
      JSON.stringify({
        ok: false,
        code: 'EXIT_' + e.status,
        message: String(e.stderr || e.message),
      }),
    );
    process.exitCode = 1;
  }
}

main();
