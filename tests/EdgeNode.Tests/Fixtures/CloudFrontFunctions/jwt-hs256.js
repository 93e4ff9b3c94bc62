// viewer-request (cloudfront-js-2.0): a JWT (HS256) verified with crypto's HMAC.
import crypto from 'crypto';
const SECRET = 'edge-secret';
function handler(event) {
  const request = event.request;
  const header = request.headers.authorization && request.headers.authorization.value;
  const deny = (why) => ({ statusCode: 403, statusDescription: 'Forbidden', body: why });
  if (!header || !header.startsWith('Bearer ')) return deny('no token');
  const [head, payload, signature] = header.slice(7).split('.');
  const expected = crypto.createHmac('sha256', SECRET).update(head + '.' + payload).digest('base64url');
  if (signature !== expected) return deny('bad signature');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  request.headers['x-user'] = { value: String(claims.sub) };
  return request;
}
