// tv4 1.3 (JSON Schema draft-04), as Postman's `tv4` global: validation runs in Python
// (host_schema.py over jsonschema) and comes back in tv4's shapes: `tv4.error` with `code`,
// `message`, `params`, `dataPath`, `schemaPath`; `tv4.missing` lists $refs not added.
var sandbox = require('#sandbox');
var host = sandbox.host;
var CODES = null;

function ValidationError(fields) {
  var e = Object.create(ValidationError.prototype);
  e.message = fields.message;
  e.params = fields.params;
  e.code = fields.code;
  e.dataPath = fields.dataPath;
  e.schemaPath = fields.schemaPath;
  e.subErrors = fields.subErrors ? fields.subErrors.map(ValidationError) : null;
  e.stack = 'ValidationError: ' + fields.message;
  return e;
}
ValidationError.prototype = Object.create(Error.prototype);
ValidationError.prototype.name = 'ValidationError';
ValidationError.prototype.constructor = ValidationError;

function plain(value, what) {
  try {
    var text = JSON.stringify(value === undefined ? null : value);
    return JSON.parse(text);
  } catch (e) {
    throw new TypeError('tv4: the ' + what + ' must be JSON data (' + e.message + ')');
  }
}

function makeApi() {
  var schemas = {};
  function run(data, schema, ban, multiple) {
    if (typeof schema === 'string') {
      if (!Object.prototype.hasOwnProperty.call(schemas, schema)) return { valid: true, errors: [], missing: [schema] };
      schema = schemas[schema];
    }
    var r = host('schema.tv4', plain(data, 'data'), plain(schema, 'schema'), schemas, !!ban, multiple);
    r.errors = r.errors.map(ValidationError);  // subErrors become ValidationErrors too
    return r;
  }
  var api = {
    error: null,
    missing: [],
    valid: true,
    validate: function (data, schema, checkRecursive, banUnknownProperties) {
      var r = run(data, schema, banUnknownProperties, false);
      api.error = r.errors[0] || null;
      api.missing = r.missing;
      api.valid = r.errors.length === 0;
      return api.valid;
    },
    validateResult: function (data, schema, checkRecursive, banUnknownProperties) {
      var r = run(data, schema, banUnknownProperties, false);
      api.error = r.errors[0] || null;
      api.missing = r.missing;
      api.valid = r.errors.length === 0;
      return { valid: api.valid, error: api.error, missing: r.missing };
    },
    validateMultiple: function (data, schema, checkRecursive, banUnknownProperties) {
      var r = run(data, schema, banUnknownProperties, true);
      return { errors: r.errors, missing: r.missing, valid: r.errors.length === 0 };
    },
    addSchema: function (uri, schema) {
      if (uri && typeof uri === 'object') { schema = uri; uri = schema.id || schema.$id; }
      if (typeof uri !== 'string' || !schema || typeof schema !== 'object') return false;
      schemas[uri.replace(/#$/, '')] = plain(schema, 'schema');
      return true;
    },
    getSchema: function (uri) { return schemas[String(uri).replace(/#$/, '')]; },
    getSchemaMap: function () { return Object.assign({}, schemas); },
    getSchemaUris: function (filter) {
      return Object.keys(schemas).filter(function (u) { return !filter || filter.test(u); });
    },
    getMissingUris: function () { return api.missing.slice(0); },
    dropSchemas: function () { schemas = {}; },
    reset: function () { schemas = {}; api.error = null; api.missing = []; api.valid = true; },
    freshApi: function () { return makeApi(); },
    language: function () { return 'en'; },
    addFormat: function () { throw sandbox.unsupported('tv4.addFormat is not supported (custom formats run in JavaScript; the validator runs in Python)'); },
    defineKeyword: function () { throw sandbox.unsupported('tv4.defineKeyword is not supported'); },
    defineError: function () { throw sandbox.unsupported('tv4.defineError is not supported'); },
    addLanguage: function () { throw sandbox.unsupported('tv4.addLanguage is not supported'); },
    ValidationError: ValidationError
  };
  Object.defineProperty(api, 'errorCodes', {
    enumerable: true,
    get: function () { return CODES || (CODES = host('schema.tv4_codes')); }
  });
  return sandbox.strict(api, 'tv4');
}
module.exports = makeApi();
