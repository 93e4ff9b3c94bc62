'use strict';
// viewer-request: HTTP Basic authentication (Buffer base64).
const USER = 'admin';
const PASS = 'secret';
exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  const expected = 'Basic ' + Buffer.from(USER + ':' + PASS).toString('base64');
  const auth = request.headers.authorization;
  if (!auth || auth[0].value !== expected) {
    callback(null, {
      status: '401',
      statusDescription: 'Unauthorized',
      headers: { 'www-authenticate': [{ key: 'WWW-Authenticate', value: 'Basic realm="edge"' }] },
      body: 'Unauthorized',
    });
    return;
  }
  callback(null, request);
};
