// Node's timers module, with Postman's semantics: a script is done when its timers are (the
// queue lives in require.js; sandbox.py's event loop waits for it within --timeout-script).
var timers = require('#sandbox').timers;
module.exports = {
  setTimeout: timers.setTimeout,
  setInterval: timers.setInterval,
  setImmediate: timers.setImmediate,
  clearTimeout: timers.clearTimeout,
  clearInterval: timers.clearInterval,
  clearImmediate: timers.clearImmediate
};
