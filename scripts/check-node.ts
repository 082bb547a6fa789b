// Fails fast when the tests would run on anything but the pinned Node 24.
const major = Number(process.versions.node.split('.')[0]);
if (major !== 24) {
  console.error(`Pathways needs Node 24 (the pinned "node" package); this is ${process.version}. Run through npm scripts or npx.`);
  process.exit(1);
}
