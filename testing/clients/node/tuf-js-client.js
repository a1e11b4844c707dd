#!/usr/bin/env node
// The TUF client of sigstore-js (tuf-js 6) against Hallmark's TUF repository: refreshes the
// metadata (root chain, timestamp, snapshot, targets) from a cache directory that holds the
// trusted root.json, then downloads the named targets.
//
//   node tuf-js-client.js <request.json>
//
// request.json:
//   mirror     repository base URL (metadata at <mirror>/<file>, targets at <mirror>/targets/)
//   cacheDir   metadata cache; must hold root.json (the seed, or the newest verified root)
//   targetDir  where targets are written
//   targets    target names to download
//
// Prints one JSON object: {ok, rootVersion, targets: {name: {sha256, length}}} or
// {ok: false, code, message}.
'use strict';

const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { Updater } = require('tuf-js');

async function main() {
  const req = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  try {
    fs.mkdirSync(req.targetDir, { recursive: true });
    const updater = new Updater({
      metadataBaseUrl: req.mirror,
      targetBaseUrl: req.mirror + '/targets',
      metadataDir: req.cacheDir,
      targetDir: req.targetDir,
    });
    await updater.refresh();
    const targets = {};
    for (const name of req.targets) {
      const info = await updater.getTargetInfo(name);
      if (!info) {
        throw Object.assign(new Error('no target ' + name), { code: 'NO_TARGET' });
      }
      const file = await updater.downloadTarget(info, path.join(req.targetDir, name));
      const bytes = fs.readFileSync(file);
      targets[name] = {
        sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
        length: bytes.length,
      };
    }
    const root = JSON.parse(fs.readFileSync(path.join(req.cacheDir, 'root.json'), 'utf8'));
    console.log(JSON.stringify({ ok: true, rootVersion: root.signed.version, targets }));
  } catch (e) {
    console.log(JSON.stringify({ ok: false, code: e.code || e.name, message: String(e.message) }));
    process.exitCode = 1;
  }
}

main();
