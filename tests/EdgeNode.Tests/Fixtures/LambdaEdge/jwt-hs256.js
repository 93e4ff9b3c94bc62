'use strict';
// viewer-request: a JWT (HS256) in the Authorization header, verified with crypto's HMAC.
const crypto = require('crypto');
const SECRET = 'edge-secret';

function deny(message) {
  return { status: '403', statusDescription: 'Forbidden', body: message };
}

exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  const header = request.headers.authorization && request.headers.authorization[0].value;
  if (!header || !header.startsWith('Bearer ')) return deny('no token');
  const [head, payload, signature] = header.slice(7).split('.');
  if (!signature) return deny('malformed token');
  const expected = crypto.createHmac('sha256', SECRET).update(head + '.' + payload).digest('base64url');
  if (signature.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(signature))) {
    return deny('bad signature');
  }
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  if (typeof claims.exp === 'number' && claims.exp < Date.now() / 1000) return deny('expired');
  request.headers['x-user'] = [{ key: 'X-User', value: String(claims.sub) }];
  return request;
};
