// ajv 6 (JSON Schema draft-07; draft-04 with schemaId: 'id'), as Postman bundles it. Schemas
// compile to a function; validation runs in Python (host_schema.py over jsonschema) and returns
// ajv's error objects: keyword, dataPath ('.a[0]', or '/a/0' with jsonPointers), schemaPath,
// params, message. Only the first error unless allErrors, as in ajv.
var sandbox = require('#sandbox');
var host = sandbox.host;

function plain(value, what) {
  try {
    return JSON.parse(JSON.stringify(value === undefined ? null : value));
  } catch (e) {
    throw new TypeError('ajv: the ' + what + ' must be JSON data (' + e.message + ')');
  }
}

function Ajv(opts) {
  if (!(this instanceof Ajv)) return new Ajv(opts);
  this._opts = Object.assign({}, opts || {});
  this._schemas = {};
  this._compiled = {};
  this.errors = null;
}

Ajv.prototype._options = function () {
  return { allErrors: !!this._opts.allErrors, jsonPointers: !!this._opts.jsonPointers,
    schemaId: this._opts.schemaId === 'id' ? 'id' : '$id' };
};

Ajv.prototype.compile = function (schema) {
  var self = this, data = plain(schema, 'schema');
  if (typeof data !== 'object' && typeof data !== 'boolean') throw new Error('schema should be object or boolean');
  var problems = host('schema.check', data, this._opts.schemaId === 'id' ? '4' : '7');
  if (problems.length) throw new Error('schema is invalid: ' + problems.join(', '));
  var validate = function (value) {
    var r = host('schema.ajv', data, plain(value, 'data'), self._schemas, self._options());
    validate.errors = r.valid ? null : r.errors;
    return r.valid;
  };
  validate.schema = schema;
  validate.errors = null;
  return validate;
};

Ajv.prototype.validate = function (schemaOrKey, data) {
  var validate;
  if (typeof schemaOrKey === 'string') {
    validate = this.getSchema(schemaOrKey);
    if (!validate) throw new Error('no schema with key or ref "' + schemaOrKey + '"');
  } else {
    validate = this.compile(schemaOrKey);
  }
  var valid = validate(data);
  this.errors = validate.errors;
  return valid;
};

Ajv.prototype.addSchema = function (schema, key) {
  var self = this;
  if (Array.isArray(schema)) { schema.forEach(function (s) { self.addSchema(s); }); return this; }
  var id = key || (schema && (schema.$id || schema.id));
  if (!id) throw new Error('schema must have an $id (or give a key)');
  this._schemas[String(id).replace(/#$/, '')] = plain(schema, 'schema');
  return this;
};
Ajv.prototype.addMetaSchema = Ajv.prototype.addSchema;
Ajv.prototype.getSchema = function (key) {
  var id = String(key).replace(/#$/, '');
  if (!Object.prototype.hasOwnProperty.call(this._schemas, id)) return undefined;
  return this._compiled[id] || (this._compiled[id] = this.compile(this._schemas[id]));
};
Ajv.prototype.removeSchema = function (key) {
  if (key === undefined) { this._schemas = {}; this._compiled = {}; return this; }
  var id = typeof key === 'string' ? key : key && (key.$id || key.id);
  delete this._schemas[id];
  delete this._compiled[id];
  return this;
};
Ajv.prototype.validateSchema = function (schema) {
  var problems = host('schema.check', plain(schema, 'schema'), this._opts.schemaId === 'id' ? '4' : '7');
  this.errors = problems.length ? problems.map(function (m) { return { keyword: 'schema', dataPath: '', schemaPath: '#', params: {}, message: m }; }) : null;
  return problems.length === 0;
};
Ajv.prototype.errorsText = function (errors, options) {
  errors = errors === undefined ? this.errors : errors;
  if (!errors) return 'No errors';
  options = options || {};
  var separator = options.separator === undefined ? ', ' : options.separator;
  var dataVar = options.dataVar === undefined ? 'data' : options.dataVar;
  return errors.map(function (e) { return dataVar + e.dataPath + ' ' + e.message; }).join(separator);
};
Ajv.prototype.addFormat = function () { throw sandbox.unsupported('ajv.addFormat is not supported (custom formats run in JavaScript; the validator runs in Python)'); };
Ajv.prototype.addKeyword = function () { throw sandbox.unsupported('ajv.addKeyword is not supported'); };
Ajv.prototype.getKeyword = function () { return false; };

module.exports = Ajv;
module.exports.default = Ajv;
