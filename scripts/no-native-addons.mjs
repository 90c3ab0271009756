// Loaded into the test server (`node --import`) first: pouchdb-server must run from a plain `npm ci`, where no
// install script has built a native addon (npm 11 runs none unless allowed; CI machines have no compiler).
// Its optional LevelDB and SQLite back ends are native; in memory it needs neither, and this keeps it so: any
// attempt to load a compiled addon fails loudly here rather than only on a clean machine.
import Module from 'node:module';

Module._extensions['.node'] = (_module, filename) => {
  throw new Error(`the test server loaded a native addon (${filename}); it must run without native builds`);
};
