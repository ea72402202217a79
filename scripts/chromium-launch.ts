// How every browser test starts Debian's Chromium through playwright-core (never a downloaded
// browser; scripts/ensure-chromium.sh installs it). The flags keep headless Chromium from
// reaching out to Google's hosts: on a machine without open network those connections are refused,
// many at a time, and slow every start.
export const chromiumExecutable = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';

export const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
