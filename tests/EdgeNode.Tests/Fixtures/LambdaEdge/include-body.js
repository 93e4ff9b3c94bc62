'use strict';
// viewer-request with includeBody: read the form, replace the body with JSON.
const querystring = require('querystring');
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.method === 'POST' && request.body && request.body.data) {
    const form = querystring.parse(Buffer.from(request.body.data, 'base64').toString('utf8'));
    request.body.action = 'replace';
    request.body.encoding = 'text';
    request.body.data = JSON.stringify({ name: form.name, upper: String(form.name).toUpperCase() });
    request.headers['content-type'] = [{ key: 'Content-Type', value: 'application/json' }];
  }
  return request;
};
