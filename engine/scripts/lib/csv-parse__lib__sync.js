// csv-parse/lib/sync (1.x, as Postman bundles it): parse(text, options) → records, read by
// Python's csv module. Options: columns (true or names), delimiter, quote, escape, comment,
// skip_empty_lines, trim/ltrim/rtrim, relax_column_count, auto_parse (or cast), from, to.
var sandbox = require('#sandbox');

module.exports = function parse(input, options) {
  options = options || {};
  if (typeof options.columns === 'function') {
    throw sandbox.unsupported('csv-parse: a columns function is not supported (give true or a list of names)');
  }
  var text = input === undefined || input === null ? '' : String(input);
  var opts = {};
  Object.keys(options).forEach(function (k) {
    var v = options[k];
    if (typeof v !== 'function') opts[k] = v;
  });
  var records = sandbox.host('csv.parse', text, opts);
  if (!options.auto_parse && !options.cast) return records;
  // csv-parse 1.x's auto_parse: whatever JavaScript's parseFloat makes a number of
  var cast = function (v) { var f = parseFloat(v); return isNaN(f) ? v : f; };
  return records.map(function (r) {
    if (Array.isArray(r)) return r.map(cast);
    var o = {};
    Object.keys(r).forEach(function (k) { o[k] = cast(r[k]); });
    return o;
  });
};
