'use strict';
// viewer-request: sorted, lower-cased query keys so that equal queries share one cache entry.
const querystring = require('querystring');
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  const params = querystring.parse(request.querystring);
  const normalised = {};
  for (const key of Object.keys(params).map((k) => k.toLowerCase()).sort()) {
    const original = Object.keys(params).find((k) => k.toLowerCase() === key);
    normalised[key] = params[original];
  }
  request.querystring = querystring.stringify(normalised);
  return request;
};
